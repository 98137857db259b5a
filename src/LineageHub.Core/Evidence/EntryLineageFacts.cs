using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Evidence;

/// <summary>The facts of a set of ledger entries, as a verifier sees them: nothing outside those entries exists.</summary>
public sealed class EntryLineageFacts : ILineageFacts
{
    private readonly Dictionary<NodeKey, NodeRecord> _nodes = [];
    private readonly List<EdgeRecord> _edges = [];

    public EntryLineageFacts(IEnumerable<LedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var node in entry.Nodes)
            {
                _nodes.TryAdd(node.Key, new NodeRecord(node.Key, node.Properties, entry.Seq));
            }
            _edges.AddRange(entry.Edges.Select(e => new EdgeRecord(e.Kind, e.From, e.To, e.Properties, entry.Seq)));
        }
    }

    public ValueTask<NodeRecord?> NodeAsync(NodeKey key, CancellationToken cancellationToken) => ValueTask.FromResult(_nodes.GetValueOrDefault(key));

    public ValueTask<IReadOnlyList<EdgeRecord>> EdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind kind, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EdgeRecord>>([.. _edges.Where(e => e.Kind == kind && (direction == EdgeDirection.Outgoing ? e.From == node : e.To == node))]);

    public ValueTask<IReadOnlyList<NodeRecord>> NodesOfKindAsync(NodeKind kind, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<NodeRecord>>([.. _nodes.Values.Where(n => n.Key.Kind == kind).OrderBy(n => n.Key.Key, StringComparer.Ordinal)]);
}
