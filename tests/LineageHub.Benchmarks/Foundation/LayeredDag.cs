namespace LineageHub.Benchmarks.Foundation;

/// <summary>
/// The Foundation benchmark graph: <c>layers × width</c> nodes; every node in layer L ≥ 1 has 3
/// pseudo-random parents in L−1, and every sixth node in L ≥ 2 one more in L−2. Deterministic (seeded),
/// so our store and the anchors load the same edges.
/// </summary>
public sealed class LayeredDag(int layers, int width, int seed = 20261122)
{
    public int Layers => layers;

    public int Width => width;

    public int NodeCount => layers * width;

    /// <summary>Edges as (child, parent): the child was derived from the parent.</summary>
    public IEnumerable<(int Child, int Parent)> Edges()
    {
        var random = new Random(seed);
        for (var layer = 1; layer < layers; layer++)
        {
            for (var i = 0; i < width; i++)
            {
                var child = (layer * width) + i;
                var first = random.Next(width);
                var second = (first + 1 + random.Next(width - 1)) % width;
                var third = random.Next(width);
                while (third == first || third == second)
                {
                    third = random.Next(width);
                }
                yield return (child, ((layer - 1) * width) + first);
                yield return (child, ((layer - 1) * width) + second);
                yield return (child, ((layer - 1) * width) + third);
                if (layer >= 2 && i % 6 == 0)
                {
                    yield return (child, ((layer - 2) * width) + random.Next(width));
                }
            }
        }
    }

    /// <summary>Writes the edge list as CSV (<c>src,dst</c> = child,parent) for the anchors.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("src,dst");
        foreach (var (child, parent) in Edges())
        {
            writer.Write(child);
            writer.Write(',');
            writer.WriteLine(parent);
        }
    }
}
