using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

public sealed partial class Neo4jLineageStore
{
    /// <summary>
    /// What the planner may ask about one change set, fetched inside the append's transaction before it
    /// plans (the planner's questions are synchronous): the nodes it names, the edges it gives, the runs'
    /// stored READ and WROTE targets, and every DERIVED_FROM edge those could imply. A question outside
    /// that set is a bug, and says so rather than answering "absent".
    /// </summary>
    private sealed class PrefetchedFacts : IFactLookup
    {
        private readonly Dictionary<NodeKey, byte[]> _nodes = [];
        private readonly HashSet<NodeKey> _askedNodes = [];
        private readonly Dictionary<string, byte[]> _edges = new(StringComparer.Ordinal);
        private readonly HashSet<string> _askedEdges = new(StringComparer.Ordinal);
        private readonly Dictionary<(NodeKey, EdgeKind), List<NodeKey>> _targets = [];
        private readonly HashSet<NodeKey> _askedRuns = [];

        public static async Task<PrefetchedFacts> LoadAsync(QueryApiTransaction transaction, ChangeSet changes, CancellationToken cancellationToken)
        {
            var facts = new PrefetchedFacts();
            var keys = changes.Nodes.Select(n => n.Key).Concat(changes.Edges.SelectMany(e => (NodeKey[])[e.From, e.To])).Distinct().ToList();
            facts._askedNodes.UnionWith(keys);
            foreach (var chunk in keys.Chunk(FactChunk))
            {
                var rows = await transaction.RunAsync(CypherCatalog.Get("facts_nodes"), new Dictionary<string, object?> { ["ids"] = chunk.Select(k => k.ToString()).ToArray() }, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    facts._nodes[ReadKey(rows.String(i, "id"))] = ReadProps(rows.String(i, "props"));
                }
            }

            var runs = changes.Edges.Where(e => e.Kind is EdgeKind.Read or EdgeKind.Wrote).Select(e => e.From).Distinct().ToList();
            facts._askedRuns.UnionWith(runs);
            foreach (var chunk in runs.Chunk(FactChunk))
            {
                var rows = await transaction.RunAsync(CypherCatalog.Get("facts_run_targets"), new Dictionary<string, object?> { ["runs"] = chunk.Select(k => k.ToString()).ToArray() }, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    var run = ReadKey(rows.String(i, "run"));
                    var kind = ReadEdgeKind(rows.String(i, "kind"));
                    if (!facts._targets.TryGetValue((run, kind), out var list))
                    {
                        facts._targets[(run, kind)] = list = [];
                    }
                    list.Add(ReadKey(rows.String(i, "target")));
                }
            }

            // Every edge the planner may look up: those given, and DERIVED_FROM for each output × input of each run.
            var edgeIds = changes.Edges.Select(e => EdgeId(e.Kind, e.From, e.To)).ToHashSet(StringComparer.Ordinal);
            foreach (var run in runs)
            {
                var outputs = facts.StoredTargets(run, EdgeKind.Wrote).Concat(changes.Edges.Where(e => e.Kind == EdgeKind.Wrote && e.From == run).Select(e => e.To)).Distinct().ToList();
                var inputs = facts.StoredTargets(run, EdgeKind.Read).Concat(changes.Edges.Where(e => e.Kind == EdgeKind.Read && e.From == run).Select(e => e.To)).Distinct().ToList();
                foreach (var output in outputs)
                {
                    foreach (var input in inputs)
                    {
                        edgeIds.Add(EdgeId(EdgeKind.DerivedFrom, output, input));
                    }
                }
            }
            facts._askedEdges.UnionWith(edgeIds);
            foreach (var chunk in edgeIds.Chunk(FactChunk))
            {
                var rows = await transaction.RunAsync(CypherCatalog.Get("facts_edges"), new Dictionary<string, object?> { ["ids"] = chunk }, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    facts._edges[rows.String(i, "id")!] = ReadProps(rows.String(i, "props"));
                }
            }
            return facts;
        }

        public bool NodeExists(NodeKey key) => NodeProperties(key) is not null;

        public byte[]? NodeProperties(NodeKey key) =>
            _askedNodes.Contains(key) ? _nodes.GetValueOrDefault(key) : throw Unasked($"node {key}");

        public IEnumerable<NodeKey> Targets(NodeKey from, EdgeKind kind) =>
            _askedRuns.Contains(from) ? StoredTargets(from, kind) : throw Unasked($"the {EdgeRules.Name(kind)} targets of {from}");

        public byte[]? EdgeProperties(EdgeKind kind, NodeKey from, NodeKey to)
        {
            var id = EdgeId(kind, from, to);
            return _askedEdges.Contains(id) ? _edges.GetValueOrDefault(id) : throw Unasked($"edge {id}");
        }

        private IEnumerable<NodeKey> StoredTargets(NodeKey run, EdgeKind kind) =>
            _targets.TryGetValue((run, kind), out var list) ? list : [];

        private static InvalidOperationException Unasked(string what) =>
            new($"the planner asked about {what}, which the Neo4j adapter did not prefetch");
    }

    private const int FactChunk = 5_000;
}
