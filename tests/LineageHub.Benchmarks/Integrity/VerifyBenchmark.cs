using System.Diagnostics;
using System.Globalization;
using LineageHub.Benchmarks.GraphQL;
using LineageHub.Client;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Verification;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Snapshots;
using LineageHub.Hosting;
using LineageHub.Integrity;
using LineageHub.Security;
using LineageHub.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineageHub.Benchmarks.Integrity;

/// <summary>
/// Scheduled verification (issue 9): 1,000 registered raw files totalling 10 GiB re-verified through the
/// server's VerificationRunner (hash, compare, record a fact each), beside the raw snapshot of the same files
/// measured in the same run (the anchor: the snapshots issue's hashing, no store); then the server's GraphQL
/// p99 with 4 clients idle and while a verification runs. Files go to a temp folder, deleted afterwards.
/// Options: --total-gib N (10), --files N (1000), --runs N (3), --seconds N (8).
/// </summary>
public sealed class VerifyBenchmark : IBenchmark
{
    private const int Clients = 4;

    public string Name => "verify";

    public string Description => "verify 1,000 files / 10 GiB vs raw snapshot of them (target within 10 %); GraphQL p99 idle vs during verification (target < 2×). Options: --total-gib N --files N --runs N --seconds N";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var totalGib = Option(args, "--total-gib", 10.0);
        var fileCount = (int)Option(args, "--files", 1000);
        var runs = (int)Option(args, "--runs", 3);
        var seconds = Option(args, "--seconds", 8.0);
        var folder = Directory.CreateTempSubdirectory("lineagehub-bench-verify-").FullName;
        var files = Path.Combine(folder, "files");
        try
        {
            var fileBytes = (long)(totalGib * (1L << 30) / fileCount);
            var clock = Stopwatch.StartNew();
            var paths = Generate(files, fileCount, fileBytes);
            var total = fileBytes * fileCount;
            Console.WriteLine($"verify benchmark: {Environment.ProcessorCount} cores, {fileCount:N0} files of {fileBytes / 1048576.0:F2} MiB = {total / (double)(1L << 30):F2} GiB written in {clock.Elapsed.TotalSeconds:F0} s (page cache holds them: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30):F0} GiB of memory)");

            // The anchor: the raw snapshot of every file, as `lineagehub snapshot` takes it, one file after another.
            List<DatasetSnapshot> Snapshot() => [.. paths.Select(p => DatasetSnapshotter.Snapshot(new SnapshotRequest(p, SnapshotMode.Raw), cancellationToken))];
            var snapshots = Snapshot();

            await using var store = SqliteLineageStore.Open(Path.Combine(folder, "store"));
            var changes = ChangeSet.Builder("benchmark");
            var versions = snapshots.Select((s, i) => s.ToDatasetVersion("file://bench", $"file{i:D4}", null, new Uri(s.Path).AbsoluteUri)).ToList();
            foreach (var version in versions)
            {
                changes.Add(version).Add(new Dataset(version.Namespace, version.Name)).Link(EdgeKind.VersionOf, version.Key, new DatasetId(version.Namespace, version.Name).Key);
            }
            await store.AppendAsync(changes.Build(), cancellationToken);

            var settings = new VerificationSettings { AllowedRoots = [files], Enabled = false };
            using var runner = new VerificationRunner(store, settings, null, TimeProvider.System, alerts: null);
            // Interleaved, a pass of each per run, so both see the same noise from whatever else the machine runs.
            var anchorSamples = new List<double>();
            var verifierSamples = new List<double>();
            var ourSamples = new List<double>();
            var options = new DatasetVerificationOptions(new AllowedRoots([files]));
            for (var run = 0; run < runs; run++)
            {
                anchorSamples.Add(Time(() => Snapshot()));
                verifierSamples.Add(Time(() => versions.ForEach(v => DatasetVerifier.Verify(v, options, null, cancellationToken))));
                var reports = new List<VerificationReport>();
                ourSamples.Add(Time(() => reports = [.. runner.RunAsync(VerificationRequest.Datasets([]), cancellationToken).GetAwaiter().GetResult()]));
                var ok = reports.Count(r => r.Outcome == VerificationOutcome.Ok);
                if (ok != fileCount)
                {
                    throw new InvalidOperationException($"only {ok} of {fileCount} versions verified OK");
                }
            }
            var anchor = Stats.Median(anchorSamples);
            var ours = Stats.Median(ourSamples);
            var verifier = Stats.Median(verifierSamples);

            var gb = total / 1e9;
            Console.WriteLine($"\nthroughput over {total / (double)(1L << 30):F2} GiB in {fileCount:N0} files (medians of {runs} interleaved runs; files in the page cache; load average {Load()})");
            Console.WriteLine(Row("raw snapshot of the files (anchor)", gb / anchor, "GB/s", $"{anchor:F2} s wall"));
            Console.WriteLine(Row("dataset verifier alone, one file at a time", gb / verifier, "GB/s", $"{verifier:F2} s wall, {verifier / anchor - 1:+0.0 %;-0.0 %} vs the anchor (hashing and comparing, no store)"));
            Console.WriteLine(Row("verification: hash, compare, record a fact each", gb / ours, "GB/s", $"{ours:F2} s wall, {ours / anchor - 1:+0.0 %;-0.0 %} vs the anchor (target within 10 %)"));

            await LatencyAsync(folder, store, runner, "the default settings (2 at once, sharing a hashing thread per core at nice 10)", seconds, cancellationToken);
            // One check at a time on one thread leaves a core to the API: the setting for a server that must stay quick.
            using var gentle = new VerificationRunner(store, settings with { MaxConcurrent = 1, Threads = 1 }, null, TimeProvider.System, alerts: null);
            await LatencyAsync(folder, store, gentle, "MaxConcurrent 1, Threads 1", seconds, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task LatencyAsync(string folder, SqliteLineageStore store, VerificationRunner runner, string how, double seconds, CancellationToken cancellationToken)
    {
        var keys = ApiKeyStore.Open(Path.Combine(folder, "store"));
        await using var service = new LocalLineageService(store, ownsStore: false);
        await using var app = ServerHost.Build("http://127.0.0.1:0", service, keys, insecureNoAuth: false, logging => logging.ClearProviders(), new VerificationSettings { Enabled = false });
        await app.StartAsync(cancellationToken);
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var graphql = new Uri(url, "/graphql");
        const string Query = "{ datasets(first: 20) { nodes { name versions(first: 1) { nodes { root integrity { status lastVerifiedAt } } } } } }";

        await LoopbackLoad.WarmUpAsync(graphql, Query, Clients, cancellationToken);
        // Idle before and after, so a change in the machine's other load shows as two different idle figures.
        var idleBefore = await LoopbackLoad.RunAsync(graphql, Query, Clients, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds), cancellationToken);
        var watch = Stopwatch.StartNew();
        var verification = Task.Run(() => runner.RunAsync(VerificationRequest.Datasets([]), cancellationToken), cancellationToken);
        var busy = await LoopbackLoad.RunAsync(graphql, Query, Clients, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), cancellationToken);
        var stillRunning = !verification.IsCompleted;
        await verification;
        var verificationSeconds = watch.Elapsed.TotalSeconds;
        var idleAfter = await LoopbackLoad.RunAsync(graphql, Query, Clients, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), cancellationToken);
        var idleP99 = (idleBefore.P99Ms + idleAfter.P99Ms) / 2;

        Console.WriteLine($"\nGraphQL latency, {Clients} clients, datasets(first: 20) with each newest version's integrity, verification with {how} ({seconds:F0} s each; load average {Load()})");
        Console.WriteLine($"  {"",-44} {"req/s",10} {"p50 ms",8} {"p99 ms",8}");
        foreach (var (label, result) in new[] { ("idle, before (anchor)", idleBefore), ("while a verification runs", busy), ("idle, after (anchor)", idleAfter) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-44} {result.RequestsPerSecond,10:N0} {result.P50Ms,8:N2} {result.P99Ms,8:N2}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p99 while verifying: {busy.P99Ms / idleP99:F2}× the idle p99 (mean of before and after; target < 2×)"));
        Console.WriteLine(stillRunning
            ? $"  the verification ran through the whole measurement (it took {verificationSeconds:F1} s in all)"
            : $"  warning: the verification finished ({verificationSeconds:F1} s) before the measurement did; use fewer --seconds");
        await app.StopAsync(cancellationToken);
    }

    private static List<string> Generate(string folder, int count, long bytes)
    {
        Directory.CreateDirectory(folder);
        var block = new byte[1 << 20];
        new Random(9162).NextBytes(block);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"part-{i:D4}.bin");
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            for (long written = 0, chunk = 0; written < bytes; chunk++)
            {
                // Every mebibyte of every file differs, so no chunk hash repeats.
                BitConverter.TryWriteBytes(block, (i * 1_000_000L) + chunk);
                var length = (int)Math.Min(block.Length, bytes - written);
                stream.Write(block, 0, length);
                written += length;
            }
            paths.Add(path);
        }
        return paths;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    // The machine may be shared: the load average is printed beside the figures it colours.
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Row(string what, double value, string unit, string note) =>
        string.Create(CultureInfo.InvariantCulture, $"  {what,-50} {value,8:F2} {unit,-5} {note}");
}
