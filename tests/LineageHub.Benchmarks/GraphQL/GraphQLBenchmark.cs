using System.Diagnostics;
using System.Globalization;
using System.Text;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Http;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Types;
using LineageHub.GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>
/// Our GraphQL endpoint against graphql-js behind graphql-http's Node handler (same schema, same data),
/// over loopback: a small query and a 3-level nested list of 1,000 objects; plus parse+validate of a
/// 10 KB document against graphql-js's parse+validate of the same document.
/// Options: --seconds N (per scenario, default 5), --concurrency N (default 16).
/// </summary>
public sealed class GraphQLBenchmark : IBenchmark
{
    private const string SmallQuery = "{ hello }";
    private const string NestedQuery = "{ items { id name children { id name children { id name value } } } }";

    public string Name => "graphql";

    public string Description => "GraphQL endpoint req/s and p50/p99 (small, 1,000-object nested) and 10 KB parse+validate, vs graphql-js + graphql-http";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = Option(args, "--seconds", 5);
        var concurrency = Option(args, "--concurrency", 16);
        var folder = SourceFolder();
        var sdl = File.ReadAllText(Path.Combine(folder, "benchmark-schema.graphql"));
        var schema = Schema.FromSdl(sdl);
        var items = Data("", 3);
        schema.Resolve("Query", "hello", _ => "world").Resolve("Query", "items", _ => items);

        // Parse+validate is timed first, before either server starts: the load scenarios leave a server's
        // threads and a larger heap behind in this process, and every young collection then costs more.
        var document = TenKilobyteDocument();
        var parseOnly = Micros(() => Parser.Parse(document));
        var ourMicros = ParseValidateMicros(schema, document);

        await using var ours = await StartOursAsync(schema);
        using var node = StartNode(folder);

        Console.WriteLine($"graphql: {seconds}s per scenario, {concurrency} concurrent connections, loopback; Release build required for meaningful figures");
        foreach (var (label, query) in new[] { ("small query", SmallQuery), ("nested 1,000 objects", NestedQuery) })
        {
            // Both servers compile their hot code as they run (.NET's tiered PGO, V8's tiers): each is loaded until its rate settles.
            await LoopbackLoad.WarmUpAsync(ours.Endpoint, query, concurrency, cancellationToken);
            if (node.Endpoint is not null)
            {
                await LoopbackLoad.WarmUpAsync(node.Endpoint, query, concurrency, cancellationToken);
            }
            var our = await LoopbackLoad.RunAsync(ours.Endpoint, query, concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), cancellationToken);
            var theirs = node.Endpoint is null ? null : await LoopbackLoad.RunAsync(node.Endpoint, query, concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), cancellationToken);
            Console.WriteLine($"  {label,-22} ours       {our.RequestsPerSecond,9:N0} req/s  p50 {our.P50Ms,7:N2} ms  p99 {our.P99Ms,7:N2} ms");
            if (theirs is not null)
            {
                Console.WriteLine($"  {"",-22} graphql-js {theirs.RequestsPerSecond,9:N0} req/s  p50 {theirs.P50Ms,7:N2} ms  p99 {theirs.P99Ms,7:N2} ms   ratio {our.RequestsPerSecond / theirs.RequestsPerSecond:N2}x (target >= 3x)");
            }
        }

        var executor = new GraphQLExecutor(schema, new ExecutorOptions { MaxCost = null });
        var executeMicros = await ExecuteMicrosAsync(executor, NestedQuery, serialize: false);
        var withJsonMicros = await ExecuteMicrosAsync(executor, NestedQuery, serialize: true);
        Console.WriteLine($"  nested query in-process (no HTTP): execute {executeMicros,8:N1} µs, execute + JSON {withJsonMicros,8:N1} µs");

        Console.WriteLine($"  parse only {parseOnly,8:N1} µs");
        var documentFile = Path.Combine(Path.GetTempPath(), $"lineagehub-graphql-bench-{Environment.ProcessId}.graphql");
        await File.WriteAllTextAsync(documentFile, document, cancellationToken);
        try
        {
            var line = $"  parse+validate {document.Length / 1024.0:N1} KB  ours {ourMicros,8:N1} µs (target < 100 µs)";
            if (node.ModulesFolder is not null)
            {
                var (exit, output, _) = Anchors.Node(folder, "graphql-js-server.mjs", node.ModulesFolder, "--parse", documentFile, "200");
                if (exit == 0 && double.TryParse(output, NumberStyles.Float, CultureInfo.InvariantCulture, out var jsMicros))
                {
                    line += $"   graphql-js {jsMicros,8:N1} µs   ratio {jsMicros / ourMicros:N2}x";
                }
            }
            Console.WriteLine(line);
        }
        finally
        {
            File.Delete(documentFile);
        }
    }

    private static async Task<double> ExecuteMicrosAsync(GraphQLExecutor executor, string query, bool serialize)
    {
        var request = new GraphQLRequest { Query = query };
        for (var i = 0; i < 200; i++)
        {
            await executor.ExecuteAsync(request);
        }
        var samples = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 50; i++)
            {
                var result = await executor.ExecuteAsync(request);
                if (serialize)
                {
                    ResultJsonWriter.Write(Stream.Null, result);
                }
            }
            samples.Add(watch.Elapsed.TotalMicroseconds / 50);
        }
        return Stats.Median(samples);
    }

    private static double Micros(Action action)
    {
        WarmUp(action);
        var samples = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 500; i++)
            {
                action();
            }
            samples.Add(watch.Elapsed.TotalMicroseconds / 500);
        }
        return Stats.Median(samples);
    }

    // A second of calls before timing: the runtime compiles a method's optimized code in the background
    // some time after its first calls, later still while a process is young and still compiling, and
    // these figures are taken early in the run.
    private static void WarmUp(Action action)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            action();
        }
    }

    private static double ParseValidateMicros(Schema schema, string document)
    {
        WarmUp(Run);
        var samples = new List<double>();
        const int iterations = 500;
        for (var round = 0; round < 15; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                Run();
            }
            samples.Add(watch.Elapsed.TotalMicroseconds / iterations);
        }
        return Stats.Median(samples);

        void Run()
        {
            var errors = DocumentValidator.Validate(schema, Parser.Parse(document));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(errors[0].Message);
            }
        }
    }

    // About 10 KB of realistic variety: aliases, arguments-free nested selections and fragments.
    private static string TenKilobyteDocument()
    {
        var sb = new StringBuilder("query Big {\n");
        var i = 0;
        while (sb.Length < 10_100)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  a{i}: items {{ id name ...F{i % 8} children {{ id value children {{ name }} }} }}\n");
            i++;
        }
        sb.Append("}\n");
        for (var f = 0; f < 8; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"fragment F{f} on Item {{ value children {{ id name }} }}\n");
        }
        return sb.ToString();
    }

    /// <summary>10 items, each with 10 children, each with 10 children (as the Node anchor generates them).</summary>
    private static List<object?> Data(string prefix, int depth) =>
        [.. Enumerable.Range(0, 10).Select(i => (object?)new Dictionary<string, object?>
        {
            ["id"] = $"{prefix}{i}",
            ["name"] = $"item {prefix}{i}",
            ["value"] = i * 1.5,
            ["children"] = depth > 1 ? Data($"{prefix}{i}.", depth - 1) : new List<object?>(),
        })];

    private sealed class OurServer(WebApplication app, Uri endpoint) : IAsyncDisposable
    {
        public Uri Endpoint { get; } = endpoint;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<OurServer> StartOursAsync(Schema schema)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGraphQL("/graphql", new GraphQLExecutor(schema, new ExecutorOptions { MaxCost = null }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OurServer(app, new Uri(address + "/graphql"));
    }

    private sealed class NodeServer(Process? process, Uri? endpoint, string? modulesFolder) : IDisposable
    {
        public Uri? Endpoint { get; } = endpoint;

        public string? ModulesFolder { get; } = modulesFolder;

        public void Dispose()
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
            process?.Dispose();
        }
    }

    // graphql and graphql-http come pinned from the GraphQL engine's conformance folder (npm ci on first use).
    private static NodeServer StartNode(string folder)
    {
        var conformance = Path.GetFullPath(Path.Combine(folder, "..", "..", "LineageHub.GraphQL.Tests", "conformance"));
        if (!Anchors.EnsureInstalled(conformance))
        {
            return new NodeServer(null, null, null);
        }
        var modules = Path.Combine(conformance, "node_modules");
        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("graphql-js-server.mjs");
        info.ArgumentList.Add(modules);
        var process = Process.Start(info)!;
        var port = process.StandardOutput.ReadLine();
        if (port is null || !int.TryParse(port, out _))
        {
            Console.WriteLine("graphql-js anchor failed to start: " + process.StandardError.ReadToEnd());
            return new NodeServer(process, null, modules);
        }
        return new NodeServer(process, new Uri($"http://127.0.0.1:{port}/graphql"), modules);
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "LineageHub.Benchmarks", "GraphQL");
            if (File.Exists(Path.Combine(candidate, "benchmark-schema.graphql")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/LineageHub.Benchmarks/GraphQL not found above " + AppContext.BaseDirectory);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
