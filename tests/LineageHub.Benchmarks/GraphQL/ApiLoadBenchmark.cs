using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LineageHub.Benchmarks.Foundation;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Registration;
using LineageHub.Security;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>
/// The LineageHub API over loopback, as a client sees it (API key checked on every request): a depth-5
/// lineage walk on the Foundation graph and a page of 100 runs with their inputs and models, at 1 and 16
/// concurrent clients. The anchor is the REST endpoint's walk (<c>GET /api/lineage</c>) on the same server.
/// Options: --layers N --width N (default the 1M-node graph, 20 × 50,000), --runs N (default 1,000), --seconds N (default 10),
/// --only lineage|rest|runs and --clients N (one scenario at one concurrency, for profiling).
/// </summary>
public sealed class ApiLoadBenchmark : IBenchmark
{
    public string Name => "api";

    public string Description => "GraphQL API req/s and p50/p99: lineage(depth: 5) on the 1M-node DAG and 100 runs with inputs and model, 1 and 16 clients (anchor: REST /api/lineage). Options: --width N --runs N --seconds N --only lineage|rest|runs --clients N";

    private const string RunsQuery = "{ runs(first: 100) { pageInfo { hasNextPage } nodes { id status startedAt inputs(first: 10) { nodes { id name leafCount } } model { id version metrics } } } }";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var layers = Option(args, "--layers", 20);
        var width = Option(args, "--width", 50_000);
        var runCount = Option(args, "--runs", 1000);
        var seconds = Option(args, "--seconds", 10);
        var only = Array.IndexOf(args, "--only") is >= 0 and var o && o + 1 < args.Length ? args[o + 1] : null;
        var clients = Array.IndexOf(args, "--clients") >= 0 ? [Option(args, "--clients", 1)] : new[] { 1, 16 };
        var dag = new LayeredDag(layers, width);
        var work = Directory.CreateTempSubdirectory("lineagehub-api-bench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var loader = SqliteLineageStore.Open(work))
            {
                await GraphBenchmark.BulkLoadAsync(loader, dag, cancellationToken);
                await RegisterRunsAsync(loader, dag, runCount, cancellationToken);
            }
            Console.WriteLine($"api: {dag.NodeCount:N0}-node DAG ({layers} × {width:N0}) and {runCount:N0} runs loaded in {clock.Elapsed.TotalSeconds:N0} s");

            var keys = ApiKeyStore.Open(work);
            var (_, key) = keys.Create(ApiRole.Reader, "benchmark");
            // The server is `lineagehub serve` in a process of its own, with the runtime settings (server GC, the
            // young-generation budget) and logging it is deployed with; scheduling off, as a check landing
            // mid-measurement would measure something else.
            using (var server = await ServerProcess.StartAsync(work, runtimeDefaultGC: false, cancellationToken))
            {
                var url = server.Url;
                var graphql = new Uri(url, "/graphql");

                var start = GraphBenchmark.Key(dag.NodeCount - 1).ToString();
                var lineage = $$"""{ lineage(from: "{{start}}", depth: 5, maxNodes: 10000) { truncated nodes { id kind depth } } }""";
                var rest = new Uri(url, $"/api/lineage?start={Uri.EscapeDataString(start)}&depth=5&maxNodes=10000");
                var (reached, shown) = await ProveAsync(graphql, key, lineage, RunsQuery, cancellationToken);
                Console.WriteLine($"lineage(depth: 5) from the last node reaches {reached:N0} nodes; the runs page shows {shown} runs with inputs and models");

                var scenarios = new (string Name, string Label, Uri Endpoint, string? Query)[] { ("lineage", "GraphQL lineage(depth: 5)", graphql, lineage), ("rest", "REST /api/lineage depth 5 (anchor)", rest, null), ("runs", "GraphQL 100 runs + inputs + model", graphql, RunsQuery) };
                var warming = Stopwatch.StartNew();
                foreach (var (name, _, endpoint, query) in scenarios.Where(s => only is null || only == s.Name))
                {
                    await LoopbackLoad.WarmUpAsync(endpoint, query, 16, cancellationToken, key);
                }
                Console.WriteLine($"warmed up at 16 clients until each scenario's rate settled: {warming.Elapsed.TotalSeconds:N0} s");

                Console.WriteLine();
                Console.WriteLine($"{"scenario",-36} {"clients",7} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"server CPU µs",14}");
                foreach (var concurrency in clients)
                {
                    foreach (var (name, label, endpoint, query) in scenarios)
                    {
                        if (only is not null && only != name)
                        {
                            continue;
                        }
                        var result = await LoopbackLoad.RunAsync(endpoint, query, concurrency, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds), cancellationToken, key, () => server.CpuTime);
                        PrintRow(label, concurrency, result);
                    }
                }
            }
            if (only is null or "runs")
            {
                await RunsWithRuntimeDefaultGCAsync(work, key, clients, seconds, cancellationToken);
            }
            Console.WriteLine($"server started with DOTNET_GCgen0size={ServerProcess.DeployedGen0Budget}, as its Dockerfile deploys it (README, Deployment)");
            Console.WriteLine("target: p99 < 10 ms at 16 clients for both GraphQL scenarios");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    // The runs page once more, on a server left to the runtime's default young-generation budget: what the
    // deployed setting buys, measured in the same run, with the same client counts in the same order, after
    // the same warm-up.
    private static async Task RunsWithRuntimeDefaultGCAsync(string work, string key, int[] clients, int seconds, CancellationToken cancellationToken)
    {
        using var server = await ServerProcess.StartAsync(work, runtimeDefaultGC: true, cancellationToken);
        await LoopbackLoad.WarmUpAsync(new Uri(server.Url, "/graphql"), RunsQuery, 16, cancellationToken, key);
        foreach (var concurrency in clients)
        {
            var result = await LoopbackLoad.RunAsync(new Uri(server.Url, "/graphql"), RunsQuery, concurrency, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds), cancellationToken, key, () => server.CpuTime);
            PrintRow("  runs, runtime-default GC budget", concurrency, result);
        }
    }

    private static void PrintRow(string label, int concurrency, LoopbackLoad.Result result) =>
        Console.WriteLine($"{label,-36} {concurrency,7} {result.RequestsPerSecond,10:N0} {result.P50Ms,8:N2} {result.P99Ms,8:N2} {result.ServerCpuMicros,14:N0}");

    // Training runs over the last layer's versions: each reads three and produces a model version.
    private static async Task RegisterRunsAsync(SqliteLineageStore store, LayeredDag dag, int count, CancellationToken cancellationToken)
    {
        var registrar = new RunRegistrar(store);
        var random = new Random(7);
        var lastLayer = (dag.Layers - 1) * dag.Width;
        for (var i = 0; i < count; i += 50)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(50, count - i)).Select(r => registrar.RegisterAsync(new RunRegistration(
                new JobId("airflow://bench", "train"), JobType.Training, new Guid(r, 0, 0, new byte[8]), RunStatus.Completed,
                StartedAt: DateTimeOffset.UnixEpoch.AddHours(r),
                Parameters: new Dictionary<string, string> { ["seed"] = r.ToString(CultureInfo.InvariantCulture) },
                Inputs: [.. Enumerable.Range(0, 3).Select(_ => Version(lastLayer + random.Next(dag.Width)))],
                Produced: new ModelVersion("bench_model", r.ToString(CultureInfo.InvariantCulture), Metrics: new Dictionary<string, double> { ["auc"] = 0.8 })),
                cancellationToken: cancellationToken)));
        }
    }

    private static DatasetVersionId Version(int node) =>
        new(new DatasetId("bench", "d" + node.ToString(CultureInfo.InvariantCulture)), Digest.Of(BitConverter.GetBytes(node)));

    // Measure only answers that are right: the walk reaches nodes and the page is full.
    private static async Task<(int Reached, int Shown)> ProveAsync(Uri graphql, string key, string lineage, string runs, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        async Task<JsonElement> Data(string query)
        {
            using var response = await client.PostAsync(graphql, new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"), cancellationToken);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
            return body.TryGetProperty("errors", out var errors) ? throw new InvalidOperationException(errors.ToString()) : body.GetProperty("data");
        }
        var walk = (await Data(lineage)).GetProperty("lineage");
        var page = (await Data(runs)).GetProperty("runs").GetProperty("nodes");
        if (walk.GetProperty("nodes").GetArrayLength() < 2 || page.GetArrayLength() == 0 || page[0].GetProperty("inputs").GetProperty("nodes").GetArrayLength() != 3)
        {
            throw new InvalidOperationException("the benchmark queries do not return the expected data");
        }
        return (walk.GetProperty("nodes").GetArrayLength(), page.GetArrayLength());
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
