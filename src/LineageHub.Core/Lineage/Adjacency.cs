namespace LineageHub.Core.Lineage;

/// <summary>
/// One direction of the graph's neighbours: a compressed-sparse-row part (node v's pairs are
/// <c>Items[2·Offsets[v] .. 2·Offsets[v+1])</c>, interleaved neighbour and edge) plus per-node overflow
/// lists for edges added since the last <see cref="Compact"/>. Not thread-safe: <see cref="LineageIndex"/> locks.
/// </summary>
internal sealed class Adjacency
{
    private int[] _offsets = [0];
    private int[] _items = [];
    private Overflow[] _overflow = new Overflow[1024];

    public int CompactCount { get; private set; }

    public int OverflowCount { get; private set; }

    /// <summary>The number of nodes the compact part covers.</summary>
    public int CompactNodes => _offsets.Length - 1;

    public int[] Offsets => _offsets;

    public int[] Items => _items;

    public void AddOverflow(int node, int neighbour, int edge)
    {
        if (node >= _overflow.Length)
        {
            Array.Resize(ref _overflow, Math.Max(_overflow.Length * 2, node + 1));
        }
        _overflow[node].Add(neighbour, edge);
        OverflowCount++;
    }

    /// <summary>The overflow pairs of <paramref name="node"/> (interleaved), and how many pairs there are.</summary>
    public (int[]? Items, int Count) OverflowOf(int node) =>
        node < _overflow.Length ? (_overflow[node].Items, _overflow[node].Count) : (null, 0);

    public void ForEach(int node, Action<int, int> visit)
    {
        if (node < CompactNodes)
        {
            for (var i = _offsets[node]; i < _offsets[node + 1]; i++)
            {
                visit(_items[2 * i], _items[(2 * i) + 1]);
            }
        }
        var (items, count) = OverflowOf(node);
        for (var i = 0; i < count; i++)
        {
            visit(items![2 * i], items[(2 * i) + 1]);
        }
    }

    /// <summary>Rebuilds the compact part to cover <paramref name="nodeCount"/> nodes and every overflow pair.</summary>
    public void Compact(int nodeCount)
    {
        var offsets = new int[nodeCount + 1];
        for (var v = 0; v < nodeCount; v++)
        {
            var inCompact = v < CompactNodes ? _offsets[v + 1] - _offsets[v] : 0;
            var inOverflow = v < _overflow.Length ? _overflow[v].Count : 0;
            offsets[v + 1] = offsets[v] + inCompact + inOverflow;
        }
        var items = new int[2 * offsets[nodeCount]];
        for (var v = 0; v < nodeCount; v++)
        {
            var at = 2 * offsets[v];
            if (v < CompactNodes)
            {
                var length = 2 * (_offsets[v + 1] - _offsets[v]);
                Array.Copy(_items, 2 * _offsets[v], items, at, length);
                at += length;
            }
            if (v < _overflow.Length && _overflow[v].Count > 0)
            {
                Array.Copy(_overflow[v].Items, 0, items, at, 2 * _overflow[v].Count);
            }
        }
        _offsets = offsets;
        _items = items;
        _overflow = new Overflow[Math.Max(1024, nodeCount)];
        CompactCount = offsets[nodeCount];
        OverflowCount = 0;
    }

    /// <summary>One node's pairs added since the last compaction, grown by doubling.</summary>
    private struct Overflow
    {
        public int[] Items;
        public int Count;

        public void Add(int neighbour, int edge)
        {
            Items ??= new int[4];
            if ((2 * Count) + 2 > Items.Length)
            {
                Array.Resize(ref Items, Items.Length * 2);
            }
            Items[2 * Count] = neighbour;
            Items[(2 * Count) + 1] = edge;
            Count++;
        }
    }
}
