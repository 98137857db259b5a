using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Evidence;

/// <summary>
/// The store's facts as of a ledger size, noting the entry of every fact read: those entries are what an
/// evidence bundle carries, so a verifier walking them reads exactly the same facts.
/// </summary>
public sealed class StoreLineageFacts(ILineageStore store, long size) : ILineageFacts
{
    private readonly SortedSet<long> _entries = [];

    /// <summary>The ledger entries (by seq) whose facts the walk read.</summary>
    public IReadOnlyCollection<long> Entries => _entries;

    public async ValueTask<NodeRecord?> NodeAsync(NodeKey key, CancellationToken cancellationToken)
    {
        var node = await store.FindNodeAsync(key, cancellationToken).ConfigureAwait(false);
        if (node is null || node.Seq >= size)
        {
            return null;
        }
        _entries.Add(node.Seq);
        return node;
    }

    public async ValueTask<IReadOnlyList<EdgeRecord>> EdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind kind, CancellationToken cancellationToken)
    {
        var edges = await store.GetEdgesAsync(node, direction, kind, LedgerPosition.AtSize(size), cancellationToken).ConfigureAwait(false);
        var visible = edges.Where(e => e.Seq < size).ToArray();
        foreach (var edge in visible)
        {
            _entries.Add(edge.Seq);
        }
        return visible;
    }

    public async ValueTask<IReadOnlyList<NodeRecord>> NodesOfKindAsync(NodeKind kind, CancellationToken cancellationToken)
    {
        var result = new List<NodeRecord>();
        await foreach (var node in store.AllNodesAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            if (node.Seq < size)
            {
                _entries.Add(node.Seq);
                result.Add(node);
            }
        }
        return result;
    }
}
