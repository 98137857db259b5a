using System.Diagnostics;
using System.Globalization;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LineageHub.Benchmarks.Foundation;

/// <summary>
/// The Foundation issue's benchmark: bulk load of the layered DAG, full and depth-5 upstream closure of
/// the last node, and durable single-fact ingestion — beside SQLite's and DuckDB's recursive CTEs on the
/// same edges, measured in the same run.
/// </summary>
public sealed class GraphBenchmark : IBenchmark
{
    public string Name => "graph";

    public string Description => "1M-node layered DAG: load, closure, depth-5 closure, durable ingestion (anchors: SQLite and DuckDB recursive CTEs). Options: --layers N --width N";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var layers = Option(args, "--layers", 20);
        var width = Option(args, "--width", 50_000);
        var dag = new LayeredDag(layers, width);
        var work = Directory.CreateTempSubdirectory("lineagehub-bench-").FullName;
        try
        {
            var csv = Path.Combine(work, "edges.csv");
            dag.WriteCsv(csv);
            Console.WriteLine($"graph: {dag.NodeCount:N0} dataset versions, {layers} layers of {width:N0}; edges written to {csv}");

            var storeDirectory = Path.Combine(work, "store");
            var load = Stopwatch.StartNew();
            await using (var loader = SqliteLineageStore.Open(storeDirectory))
            {
                await BulkLoadAsync(loader, dag, cancellationToken);
            }
            load.Stop();

            await using var store = SqliteLineageStore.Open(storeDirectory);
            var last = Key(dag.NodeCount - 1);
            var full = Measure(9, () => store.TraverseAsync(new TraversalRequest(last) { IncludeEdges = false, Timeout = TimeSpan.FromMinutes(1) }, cancellationToken).Result.Nodes.Count, out var fullCount);
            var depth5 = Measure(201, () => store.TraverseAsync(new TraversalRequest(last) { MaxDepth = 5, IncludeEdges = false }, cancellationToken).Result.Nodes.Count, out var depth5Count);
            var sqliteFull = Measure(3, () => SqliteClosure(store.DatabasePath, dag.NodeCount - 1, null), out var sqliteCount);
            var sqliteDepth5 = Measure(21, () => SqliteClosure(store.DatabasePath, dag.NodeCount - 1, 5), out _);
            var duck = DuckDbAnchor.Run(csv, dag.NodeCount - 1);
            var ingestion = await IngestionRateAsync(Path.Combine(work, "ingest"), cancellationToken);

            Console.WriteLine();
            Console.WriteLine($"{"measure",-44} {"LineageHub",14} {"SQLite CTE",14} {"DuckDB CTE",14}");
            Console.WriteLine($"{"bulk load (" + dag.NodeCount.ToString("N0", CultureInfo.InvariantCulture) + " nodes + edges, durable)",-44} {Seconds(load.Elapsed.TotalMilliseconds),14} {"",14} {Ms(duck?.LoadMs),14}");
            Console.WriteLine($"{"upstream closure of last node (" + fullCount.ToString("N0", CultureInfo.InvariantCulture) + ")",-44} {Ms(full),14} {Ms(sqliteFull),14} {Ms(duck?.FullMs),14}");
            Console.WriteLine($"{"upstream closure, depth <= 5 (" + depth5Count.ToString("N0", CultureInfo.InvariantCulture) + ")",-44} {Ms(depth5),14} {Ms(sqliteDepth5),14} {Ms(duck?.Depth5Ms),14}");
            Console.WriteLine($"{"durable single-fact change sets / s",-44} {ingestion,14:N0}");
            Console.WriteLine($"closure sizes agree: ours {fullCount}, SQLite {sqliteCount}, DuckDB {duck?.FullCount.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
            Console.WriteLine($"ratios: full closure {sqliteFull / full:F1}x faster than SQLite's CTE" + (duck is null ? "" : $", {duck.FullMs / full:F1}x faster than DuckDB's"));
            Console.WriteLine("targets: full closure <= 50 ms, depth-5 <= 1 ms, >= 5,000 durable change sets/s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    internal static NodeKey Key(int node) => NodeKey.Of(NodeKind.DatasetVersion, "bench", "d" + node.ToString(CultureInfo.InvariantCulture), NodeRoot(node).ToString());

    private static Digest NodeRoot(int node) => Digest.Of(BitConverter.GetBytes(node));

    // Change sets of one layer's nodes plus the edges into the layer below, so edges never name a
    // node that is not yet recorded.
    internal static async Task BulkLoadAsync(SqliteLineageStore store, LayeredDag dag, CancellationToken cancellationToken)
    {
        var edgesByChild = dag.Edges().ToLookup(e => e.Child / dag.Width);
        for (var layer = 0; layer < dag.Layers; layer++)
        {
            for (var start = 0; start < dag.Width; start += 25_000)
            {
                var builder = ChangeSet.Builder("bench");
                var end = Math.Min(dag.Width, start + 25_000);
                for (var i = start; i < end; i++)
                {
                    var node = (layer * dag.Width) + i;
                    builder.Add(new DatasetVersion("bench", "d" + node.ToString(CultureInfo.InvariantCulture), NodeRoot(node), SnapshotMode.Raw, 1, 1));
                }
                foreach (var (child, parent) in edgesByChild[layer].Where(e => e.Child % dag.Width >= start && e.Child % dag.Width < end))
                {
                    builder.Link(EdgeKind.DerivedFrom, Key(child), Key(parent));
                }
                await store.AppendAsync(builder.Build(), cancellationToken);
            }
        }
    }

    private static async Task<double> IngestionRateAsync(string directory, CancellationToken cancellationToken)
    {
        await using var store = SqliteLineageStore.Open(directory);
        var count = 0;
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(5); i++)
            {
                await store.AppendAsync(ChangeSet.Builder().Add(new Dataset("ingest", $"w{w}_{i}")).Build(), cancellationToken);
                Interlocked.Increment(ref count);
            }
        }, cancellationToken));
        await Task.WhenAll(writers);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static int SqliteClosure(string databasePath, int node, int? maxDepth)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        // The query a SQL-backed lineage store runs (Marquez does this on PostgreSQL); ids are our node ordinals.
        command.CommandText = maxDepth is null
            ? """
              WITH RECURSIVE up(id) AS (
                SELECT $id UNION SELECT e.dst FROM edges e JOIN up ON e.src = up.id)
              SELECT count(*) FROM up
              """
            : """
              WITH RECURSIVE up(id, depth) AS (
                SELECT $id, 0
                UNION
                SELECT e.dst, up.depth + 1 FROM edges e JOIN up ON e.src = up.id WHERE up.depth < $max)
              SELECT count(DISTINCT id) FROM up
              """;
        command.Parameters.AddWithValue("$id", node);
        command.Parameters.AddWithValue("$max", maxDepth ?? int.MaxValue);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static double Measure(int runs, Func<int> action, out int result)
    {
        result = action(); // warm-up, and the answer to report
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(samples);
    }

    private static string Ms(double? ms) => ms is null ? "n/a" : ms < 10 ? $"{ms:F3} ms" : $"{ms:F1} ms";

    private static string Seconds(double ms) => $"{ms / 1000:F1} s";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
