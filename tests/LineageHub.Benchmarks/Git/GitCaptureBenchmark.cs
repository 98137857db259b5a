using System.Diagnostics;
using System.Globalization;
using LineageHub.Connectors.Git;
using LineageHub.Core.Ledger;

namespace LineageHub.Benchmarks.Git;

/// <summary>
/// Full and incremental commit capture of a generated repository (10,000 commits, 5,000 files by
/// default), beside <c>git log --format=…</c> and <c>git ls-tree</c> reading the same data into a byte
/// counter (the <c>| wc -c</c> anchor), measured in the same run. Targets: full ≤ 10 s, incremental ≤ 200 ms.
/// Options: <c>--commits N --files N --runs N</c>.
/// </summary>
public sealed class GitCaptureBenchmark : IBenchmark
{
    private const string LogFormat = "--format=%H%x00%P%x00%an%x00%ae%x00%at%x00%ai%x00%cn%x00%ce%x00%ct%x00%ci%x00%B%x1e";

    public string Name => "git-capture";

    public string Description => "git connector: full and incremental commit capture vs git log | wc (same run)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var commits = Option(args, "--commits", 10_000);
        var files = Option(args, "--files", 5_000);
        var runs = Option(args, "--runs", 5);

        var build = Stopwatch.StartNew();
        using var repository = await SyntheticRepository.CreateAsync(commits, files, cancellationToken);
        Console.WriteLine($"generated {commits:N0} commits, {files:N0} files with git fast-import in {build.Elapsed.TotalSeconds:F1} s");

        var options = new GitConnectorOptions { Environment = repository.Environment };
        var git = await GitRepository.OpenAsync(repository.Path, options, cancellationToken);

        var full = new List<double>();
        var fullAnchor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            full.Add(await TimeAsync(async () =>
            {
                var (count, fileCount) = await CaptureAsync(git, null, withFiles: true, cancellationToken);
                Check(count == commits && fileCount == files, $"full capture saw {count} commits and {fileCount} files");
            }));
            fullAnchor.Add(await TimeAsync(async () =>
            {
                await repository.CountOutputAsync(["log", LogFormat, "refs/heads/main"], cancellationToken);
                await repository.CountOutputAsync(["ls-tree", "-r", "-l", "-z", "--full-tree", "refs/heads/main"], cancellationToken);
            }));
        }

        var known = await repository.HeadAsync(cancellationToken);
        await repository.AppendCommitsAsync(10, cancellationToken);
        var incremental = new List<double>();
        var incrementalAnchor = new List<double>();
        var incrementalWithFiles = new List<double>();
        var incrementalWithFilesAnchor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            incremental.Add(await TimeAsync(async () =>
            {
                var (count, _) = await CaptureAsync(git, known, withFiles: false, cancellationToken);
                Check(count == 10, $"incremental capture saw {count} commits");
            }));
            incrementalAnchor.Add(await TimeAsync(() =>
                repository.CountOutputAsync(["log", LogFormat, "refs/heads/main", "^" + known], cancellationToken)));
            incrementalWithFiles.Add(await TimeAsync(async () =>
            {
                var (count, fileCount) = await CaptureAsync(git, known, withFiles: true, cancellationToken);
                Check(count == 10 && fileCount == files, $"incremental capture saw {count} commits and {fileCount} files");
            }));
            incrementalWithFilesAnchor.Add(await TimeAsync(async () =>
            {
                await repository.CountOutputAsync(["log", LogFormat, "refs/heads/main", "^" + known], cancellationToken);
                await repository.CountOutputAsync(["ls-tree", "-r", "-l", "-z", "--full-tree", "refs/heads/main"], cancellationToken);
            }));
        }

        Report("full capture (all commits + tip files, as lineage facts)", full, fullAnchor, 10_000);
        Report("incremental capture (10 new commits)", incremental, incrementalAnchor, 200);
        Report($"incremental capture (10 new commits + all {files:N0} tip files pinned)", incrementalWithFiles, incrementalWithFilesAnchor, 200);
    }

    // A capture as run registration does it: the commits not yet known and the files of the tip, turned
    // into lineage facts (repository, commits with PARENT and IN_REPO edges, source files) in a change set.
    private static async Task<(int Commits, int Files)> CaptureAsync(GitRepository git, string? known, bool withFiles, CancellationToken cancellationToken)
    {
        var code = await CodeCapture.CaptureAsync(git, new CodeCaptureRequest
        {
            Revision = "refs/heads/main",
            KnownCommits = known is null ? [] : [known],
            Paths = withFiles ? ["."] : null,
        }, cancellationToken);
        var builder = code.AddHistoryTo(ChangeSet.Builder());
        foreach (var file in code.Files)
        {
            builder.Add(file);
        }
        Check(builder.Build().Nodes.Count == 1 + code.NewCommits.Count + code.Files.Count, "every captured commit and file became a node");
        return (code.NewCommits.Count, code.Files.Count);
    }

    private static void Report(string what, List<double> ours, List<double> anchor, double targetMs)
    {
        var median = Stats.Median(ours);
        var anchorMedian = Stats.Median(anchor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {median:F0} ms (p90 {Stats.Percentile(ours, 90):F0} ms) vs anchor git log|wc {anchorMedian:F0} ms " +
            $"= {median / anchorMedian:F2}x; target <= {targetMs:F0} ms: {(median <= targetMs ? "met" : "MISSED")}"));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark sanity check failed: " + message);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
