using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Lineage;

// Reading a page of nodes' edges from memory: the store's edge reads need the table only for properties.
public sealed partial class LineageIndex
{
    /// <summary>
    /// The edges of each indexed node of <paramref name="nodes"/> in <paramref name="direction"/> (of
    /// <paramref name="kind"/>, or of every kind), each node's in the order they were added. Nodes not in
    /// the index are left out; an indexed node without such edges maps to an empty list.
    /// </summary>
    public Dictionary<NodeKey, ArraySegment<IndexedEdge>> EdgesOf(IEnumerable<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var count = nodes is ICollection<NodeKey> c ? c.Count : 0;
        var result = new Dictionary<NodeKey, ArraySegment<IndexedEdge>>(count);
        // Every node's edge ordinals in one list, then every node's edges in one array, each node's a
        // slice of it: a page of a hundred runs made a list and an array per run.
        var ordinals = new List<int>(Math.Max(4, 4 * count));
        var slices = new List<(NodeKey Node, int Start, int Count)>(count);
        IndexedEdge[] edges;
        // One read lock for the whole page: a lock per node contended when many requests read at once.
        _lock.EnterReadLock();
        try
        {
            foreach (var node in nodes)
            {
                if (!result.ContainsKey(node) && _ordinals.TryGetValue(node, out var ordinal))
                {
                    var start = ordinals.Count;
                    CollectEdgesUnlocked(ordinal, direction, kind, ordinals);
                    result[node] = default;
                    slices.Add((node, start, ordinals.Count - start));
                }
            }
            edges = new IndexedEdge[ordinals.Count];
            for (var i = 0; i < edges.Length; i++)
            {
                var edge = ordinals[i];
                edges[i] = new IndexedEdge(edge, _edgeKind[edge], _edgeFrom[edge], _edgeTo[edge], _edgeSeq[edge], _edgeHasProperties[edge]);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        foreach (var (node, start, length) in slices)
        {
            result[node] = new ArraySegment<IndexedEdge>(edges, start, length);
        }
        return result;
    }

    // Appends the ordinals of a node's edges (of a kind, in a direction) to ordinals, in the order they were added.
    private void CollectEdgesUnlocked(int node, EdgeDirection direction, EdgeKind? kind, List<int> ordinals)
    {
        if (kind is { } only)
        {
            Collect(ListHolding(only, direction), node, direction, kind, ordinals);
            return;
        }
        // Every kind: an edge is in the up or the down list by its kind, so both are read and merged
        // back into the order the edges were added (a self-loop, in both, once).
        var start = ordinals.Count;
        Collect(_up, node, direction, null, ordinals);
        var fromUp = ordinals.Count - start;
        Collect(_down, node, direction, null, ordinals);
        if (fromUp > 0 && start + fromUp < ordinals.Count)
        {
            ordinals.Sort(start, ordinals.Count - start, null);
            RemoveAdjacentDuplicates(ordinals, start);
        }
    }

    // Outgoing edges of a kind whose target is upstream sit in their source's up list, incoming ones in
    // their target's down list; the other kinds the other way round.
    private Adjacency ListHolding(EdgeKind kind, EdgeDirection direction) =>
        EdgeRules.TargetIsUpstream(kind) == (direction == EdgeDirection.Outgoing) ? _up : _down;

    // Each list holds a node's pairs in the order the edges were added: compact part, then overflow.
    private void Collect(Adjacency adjacency, int node, EdgeDirection direction, EdgeKind? kind, List<int> into)
    {
        if (node < adjacency.CompactNodes)
        {
            var items = adjacency.Items;
            for (var i = adjacency.Offsets[node]; i < adjacency.Offsets[node + 1]; i++)
            {
                AddIfMatching(items[(2 * i) + 1], node, direction, kind, into);
            }
        }
        var (overflow, count) = adjacency.OverflowOf(node);
        for (var i = 0; i < count; i++)
        {
            AddIfMatching(overflow![(2 * i) + 1], node, direction, kind, into);
        }
    }

    private void AddIfMatching(int edge, int node, EdgeDirection direction, EdgeKind? kind, List<int> into)
    {
        if ((direction == EdgeDirection.Outgoing ? _edgeFrom[edge] : _edgeTo[edge]) == node && (kind is null || _edgeKind[edge] == kind))
        {
            into.Add(edge);
        }
    }

    // Drops repeats from sorted[start..], which is in order.
    private static void RemoveAdjacentDuplicates(List<int> sorted, int start)
    {
        var kept = start;
        for (var i = start; i < sorted.Count; i++)
        {
            if (kept == start || sorted[i] != sorted[kept - 1])
            {
                sorted[kept++] = sorted[i];
            }
        }
        sorted.RemoveRange(kept, sorted.Count - kept);
    }
}
