using System.Diagnostics;
using System.Globalization;
using LineageHub.Benchmarks.Foundation;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LineageHub.Benchmarks.Diff;

/// <summary>
/// The lineage diff issue's benchmark: two model versions over a smaller build of the Foundation graph
/// (<see cref="DiffGraph"/>: upstream closures of about 10,000 nodes each, differing in 100 dataset
/// versions plus the training run's parameter and the metric), diffed without --with-data. Anchors in the
/// same run: the diff's two plain upstream walks alone, and SQLite computing the two closures with recursive
/// CTEs and their EXCEPT both ways — what a SQL-backed lineage store would run to find the nodes on one side.
/// </summary>
public sealed class DiffBenchmark : IBenchmark
{
    public string Name => "diff";

    public string Description => "lineage diff of two model versions with ~10,000-node closures differing in 100 places (anchors: the two walks alone, SQLite CTE closures + EXCEPT). Options: --layers N --width N --changed N";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var layers = Option(args, "--layers", 22);
        var width = Option(args, "--width", 500);
        var changed = Option(args, "--changed", 100);
        var work = Directory.CreateTempSubdirectory("lineagehub-bench-").FullName;
        try
        {
            var graph = new DiffGraph(new LayeredDag(layers, width), changed);
            await using (var loader = SqliteLineageStore.Open(work))
            {
                await graph.LoadAsync(loader, cancellationToken);
            }
            await using var store = SqliteLineageStore.Open(work);
            var request = new LineageDiffRequest(DiffGraph.V1, DiffGraph.V2);
            var differ = new LineageDiffer(store);

            var diff = await differ.DiffAsync(request, cancellationToken);
            var dataChanges = diff.Changes.Count(c => c.Kind == ChangeKind.Data);
            Console.WriteLine($"diff: {diff.FromLineage.Nodes.Count:N0} and {diff.ToLineage.Nodes.Count:N0} nodes upstream; {diff.Changes.Count} changes ({dataChanges} data, {diff.RootCauses.Count()} root causes)");
            if (dataChanges != changed || diff.Truncated)
            {
                throw new InvalidOperationException($"the diff found {dataChanges} data changes (truncated: {diff.Truncated}); the graph has {changed}: the figures would measure something else");
            }

            var ours = await MeasureAsync(15, async () => (await differ.DiffAsync(request, cancellationToken)).Changes.Count);
            var walks = await MeasureAsync(15, async () =>
                (await store.TraverseAsync(request.Traversal(DiffGraph.V1), cancellationToken)).Nodes.Count
                + (await store.TraverseAsync(request.Traversal(DiffGraph.V2), cancellationToken)).Nodes.Count);
            var sqlite = await MeasureAsync(5, () => Task.FromResult(SqliteExcept(store.DatabasePath)));
            var oneSided = SqliteExcept(store.DatabasePath);

            Console.WriteLine();
            Console.WriteLine($"{"measure (median)",-52} {"time",12}");
            Console.WriteLine($"{"lineage diff, no --with-data (ours)",-52} {Ms(ours),12}");
            Console.WriteLine($"{"anchor: the diff's two upstream walks alone",-52} {Ms(walks),12}");
            Console.WriteLine($"{"anchor: SQLite CTE closures + EXCEPT both ways (" + oneSided + " one-sided)",-52} {Ms(sqlite),12}");
            Console.WriteLine($"ratios: the diff costs {ours / walks:F1}x its two walks; SQLite's closures and EXCEPT take {sqlite / ours:F1}x the whole diff");
            Console.WriteLine("target: diff <= 200 ms without --with-data");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    // Upstream is the edge's target except for WROTE and PRODUCED, whose source (the run) is upstream.
    private static int SqliteExcept(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE
              a(id) AS (
                SELECT id FROM nodes WHERE kind = 'model_version' AND key = $a
                UNION SELECT e.dst FROM edges e JOIN a ON e.src = a.id WHERE e.kind NOT IN ('WROTE', 'PRODUCED')
                UNION SELECT e.src FROM edges e JOIN a ON e.dst = a.id WHERE e.kind IN ('WROTE', 'PRODUCED')),
              b(id) AS (
                SELECT id FROM nodes WHERE kind = 'model_version' AND key = $b
                UNION SELECT e.dst FROM edges e JOIN b ON e.src = b.id WHERE e.kind NOT IN ('WROTE', 'PRODUCED')
                UNION SELECT e.src FROM edges e JOIN b ON e.dst = b.id WHERE e.kind IN ('WROTE', 'PRODUCED'))
            SELECT (SELECT count(*) FROM (SELECT id FROM a EXCEPT SELECT id FROM b))
                 + (SELECT count(*) FROM (SELECT id FROM b EXCEPT SELECT id FROM a))
            """;
        command.Parameters.AddWithValue("$a", DiffGraph.V1.Key);
        command.Parameters.AddWithValue("$b", DiffGraph.V2.Key);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task<double> MeasureAsync(int runs, Func<Task<int>> action)
    {
        await action(); // warm-up
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(samples);
    }

    private static string Ms(double ms) => ms < 10 ? $"{ms:F3} ms" : $"{ms:F1} ms";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
