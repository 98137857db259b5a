using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

public sealed partial class SqliteLineageStore
{
    /// <summary>
    /// What the planner sees during a batch: committed facts (the index answers existence, the
    /// database the content) plus the facts of change sets written earlier in the same transaction.
    /// </summary>
    private sealed class BatchLookup(SqliteLineageStore store) : IFactLookup
    {
        private readonly Dictionary<NodeKey, (long Id, byte[] Properties)> _nodes = [];
        private readonly Dictionary<(EdgeKind, NodeKey, NodeKey), byte[]> _edges = [];
        private readonly Dictionary<(EdgeKind, NodeKey), List<NodeKey>> _targets = [];

        public SqliteTransaction? Transaction { get; set; }

        public bool NodeExists(NodeKey key) => _nodes.ContainsKey(key) || store._index.Contains(key);

        public byte[]? NodeProperties(NodeKey key)
        {
            if (_nodes.TryGetValue(key, out var batched))
            {
                return batched.Properties;
            }
            if (!store._index.TryGetOrdinal(key, out var id))
            {
                return null;
            }
            return SelectProperties("SELECT props FROM nodes WHERE id = $a", id, null, null);
        }

        public IEnumerable<NodeKey> Targets(NodeKey from, EdgeKind kind) =>
            _targets.TryGetValue((kind, from), out var batched) ? store._index.Targets(from, kind).Concat(batched) : store._index.Targets(from, kind);

        public byte[]? EdgeProperties(EdgeKind kind, NodeKey from, NodeKey to)
        {
            if (_edges.TryGetValue((kind, from, to), out var batched))
            {
                return batched;
            }
            if (!store._index.HasEdge(kind, from, to))
            {
                return null;
            }
            store._index.TryGetOrdinal(from, out var src);
            store._index.TryGetOrdinal(to, out var dst);
            return SelectProperties("SELECT props FROM edges WHERE src = $a AND kind = $b AND dst = $c", src, EdgeRules.Name(kind), dst);
        }

        /// <summary>The row id of a node: new in this change set, new earlier in the batch, or committed.</summary>
        public long IdOf(NodeKey key, Dictionary<NodeKey, long> newInThisChangeSet)
        {
            if (newInThisChangeSet.TryGetValue(key, out var id))
            {
                return id;
            }
            if (_nodes.TryGetValue(key, out var batched))
            {
                return batched.Id;
            }
            return store._index.TryGetOrdinal(key, out var ordinal) ? ordinal : throw new InvalidOperationException($"planned edge names unknown node {key}");
        }

        /// <summary>Makes a written change set's facts visible to the rest of the batch.</summary>
        public void Accept(ChangePlan plan, Dictionary<NodeKey, long> ids)
        {
            foreach (var node in plan.NewNodes)
            {
                _nodes[node.Key] = (ids[node.Key], node.Properties);
            }
            foreach (var edge in plan.NewEdges)
            {
                _edges[(edge.Kind, edge.From, edge.To)] = edge.Properties;
                if (!_targets.TryGetValue((edge.Kind, edge.From), out var targets))
                {
                    _targets[(edge.Kind, edge.From)] = targets = [];
                }
                targets.Add(edge.To);
            }
        }

        private byte[]? SelectProperties(string sql, object a, object? b, object? c)
        {
            using var command = store._writeConnection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$a", a);
            if (b is not null)
            {
                command.Parameters.AddWithValue("$b", b);
                command.Parameters.AddWithValue("$c", c);
            }
            return command.ExecuteScalar() as byte[];
        }
    }
}
