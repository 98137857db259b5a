namespace LineageHub.Diff.Svg;

/// <summary>
/// A layered drawing of a DAG (Sugiyama style): each node's layer is its longest path to the sink side
/// (so every edge points to a lower layer), then nodes within layers are ordered by barycentric sweeps —
/// each node placed at the mean position of its neighbours in the layer just swept — to reduce crossings.
/// Nodes are 0..n−1; edges are (upstream, downstream) pairs. A cycle, which a lineage should not have, is
/// broken by ignoring the edges that close it.
/// </summary>
public sealed class LayeredLayout
{
    private const int Sweeps = 8;

    private LayeredLayout(int[] layer, int[] order, int layers)
    {
        Layer = layer;
        Order = order;
        LayerCount = layers;
    }

    /// <summary>Each node's layer: 0 for nodes with nothing downstream, growing upstream.</summary>
    public IReadOnlyList<int> Layer { get; }

    /// <summary>Each node's position within its layer, from 0.</summary>
    public IReadOnlyList<int> Order { get; }

    public int LayerCount { get; }

    public static LayeredLayout Of(int nodeCount, IReadOnlyList<(int Up, int Down)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var ups = new List<int>[nodeCount];
        var downs = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            (ups[i], downs[i]) = ([], []);
        }
        foreach (var (up, down) in edges.Distinct().Where(e => e.Up != e.Down))
        {
            ups[down].Add(up);
            downs[up].Add(down);
        }
        var layer = LongestPathLayers(nodeCount, ups, downs);
        var layers = nodeCount == 0 ? 0 : layer.Max() + 1;
        var rows = Enumerable.Range(0, layers).Select(_ => new List<int>()).ToArray();
        for (var v = 0; v < nodeCount; v++)
        {
            rows[layer[v]].Add(v);
        }
        var order = new int[nodeCount];
        Renumber(rows, order);
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            // Alternate: order each layer by its downstream neighbours, then by its upstream ones.
            var towardSources = sweep % 2 == 0;
            var sequence = towardSources ? Enumerable.Range(1, Math.Max(0, layers - 1)) : Enumerable.Range(0, Math.Max(0, layers - 1)).Reverse();
            foreach (var l in sequence)
            {
                var neighbours = towardSources ? downs : ups;
                rows[l] = [.. rows[l].OrderBy(v => Barycentre(v, neighbours[v], order)).ThenBy(v => order[v])];
                Renumber(rows, order, l);
            }
        }
        return new LayeredLayout(layer, order, layers);
    }

    // Longest path to a sink, by a topological pass from the sinks (Kahn's algorithm on out-degrees).
    private static int[] LongestPathLayers(int n, List<int>[] ups, List<int>[] downs)
    {
        var layer = new int[n];
        var remaining = downs.Select(d => d.Count).ToArray();
        var ready = new Queue<int>(Enumerable.Range(0, n).Where(v => remaining[v] == 0));
        var placed = 0;
        while (true)
        {
            while (ready.TryDequeue(out var v))
            {
                placed++;
                foreach (var up in ups[v])
                {
                    layer[up] = Math.Max(layer[up], layer[v] + 1);
                    if (--remaining[up] == 0)
                    {
                        ready.Enqueue(up);
                    }
                }
            }
            if (placed == n)
            {
                return layer;
            }
            // A cycle: release its lowest-numbered waiting node as if its remaining edges were absent.
            var stuck = Enumerable.Range(0, n).First(v => remaining[v] > 0);
            remaining[stuck] = 0;
            ready.Enqueue(stuck);
        }
    }

    private static double Barycentre(int v, List<int> neighbours, int[] order) =>
        neighbours.Count == 0 ? order[v] : neighbours.Average(u => order[u]);

    private static void Renumber(List<int>[] rows, int[] order, int? only = null)
    {
        for (var l = 0; l < rows.Length; l++)
        {
            if (only is { } o && o != l)
            {
                continue;
            }
            for (var i = 0; i < rows[l].Count; i++)
            {
                order[rows[l][i]] = i;
            }
        }
    }
}
