using System.Globalization;

namespace LineageHub.Benchmarks.Snapshots;

/// <summary>
/// Dataset snapshots (issue 4): raw mode on a 1 GiB file beside SHA256.HashData, sha256sum, md5sum and
/// openssl; table mode on a 10,000,000-row, 5-column CSV beside DuckDB's sum(hash(*)); and the diff of two
/// registered versions one inserted row apart. Data goes to a temp folder that is deleted afterwards.
/// Options: --raw-mib N (1024), --rows N (10000000), --runs N (3), --only raw|table.
/// </summary>
public sealed partial class SnapshotBenchmark : IBenchmark
{
    public string Name => "snapshot";

    public string Description => "raw 1 GiB vs SHA256.HashData/sha256sum/md5sum/openssl; 10M-row CSV vs DuckDB sum(hash(*)); one-row-insert diff";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rawMiB = Option(args, "--raw-mib", 1024);
        var rows = Option(args, "--rows", 10_000_000);
        var runs = Option(args, "--runs", 3);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var folder = Directory.CreateTempSubdirectory("lineagehub-bench-snapshot-").FullName;
        Console.WriteLine($"snapshot benchmark: {Environment.ProcessorCount} cores, native short-message SHA-256: {Core.Hashing.SmallSha256.IsNative}, data in a temp folder");
        try
        {
            if (only is null or "raw")
            {
                Raw(folder, rawMiB, runs, cancellationToken);
            }
            if (only is null or "table")
            {
                await TableAsync(folder, rows, runs, cancellationToken);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Row(string what, double value, string unit, string note = "") =>
        string.Create(CultureInfo.InvariantCulture, $"  {what,-44} {value,10:F1} {unit,-5} {note}");
}
