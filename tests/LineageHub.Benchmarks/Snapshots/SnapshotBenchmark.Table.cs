using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Snapshots;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Benchmarks.Snapshots;

public sealed partial class SnapshotBenchmark
{
    private static async Task TableAsync(string folder, int rows, int runs, CancellationToken cancellationToken)
    {
        var before = Path.Combine(folder, "v1.csv");
        var after = Path.Combine(folder, "v2.csv");
        var inserted = rows / 2;
        WriteTables(before, after, rows, inserted);
        var megabytes = new FileInfo(before).Length / 1e6;
        Console.WriteLine($"\ntable mode, {rows:N0} rows × 5 columns, {megabytes:F0} MB CSV, key id (medians of {runs})");
        Sha256sumLike("cat", before);

        var salt = SnapshotSaltKey.Generate();
        TableSnapshot? first = null;
        var ours = Median(runs, () =>
        {
            var watch = Stopwatch.StartNew();
            first = TableSnapshotter.Snapshot(new TableSnapshotRequest(before, salt) { Key = "id", Parallelism = 2 }, cancellationToken);
            return watch.Elapsed.TotalSeconds;
        });
        Console.WriteLine(Row("lineagehub table, 2 threads", ours, "s", $"{rows / ours / 1e6:F2} M rows/s, {megabytes / ours:F0} MB/s, {first!.Chunks.Count:N0} chunks (target ≤ 6 s)"));
        var duck = DuckDbHash(before, runs);
        Console.WriteLine(duck is { } d
            ? Row("DuckDB SELECT sum(hash(*)), 2 threads", d, "s", $"(anchor; lineagehub takes {ours / d:F2}× its time)")
            : "  DuckDB anchor: n/a (see above)");

        var second = TableSnapshotter.Snapshot(new TableSnapshotRequest(after, salt) { Key = "id", Parallelism = 2 }, cancellationToken);
        await DiffRegisteredAsync(folder, before, after, first, second, runs, cancellationToken);
    }

    private static async Task DiffRegisteredAsync(string folder, string before, string after, TableSnapshot first, TableSnapshot second, int runs, CancellationToken cancellationToken)
    {
        var store = Path.Combine(folder, "store");
        DatasetVersion Version(string path, TableSnapshot table, string label) =>
            new DatasetSnapshot(path, SnapshotMode.Table, "csv", table.Root, table.RowCount, table.Chunks.Count, new FileInfo(path).Length, TimeSpan.Zero) { Table = table }
                .ToDatasetVersion("file://bench", "orders", label, new Uri(path).AbsoluteUri);
        var v1 = Version(before, first, "v1");
        var v2 = Version(after, second, "v2");
        await using (var writer = SqliteLineageStore.Open(store))
        {
            var dataset = new Dataset("file://bench", "orders");
            var changes = ChangeSet.Builder("benchmark").Add(dataset).Add(v1).Add(v2)
                .Link(EdgeKind.VersionOf, v1.Key, dataset.Key).Link(EdgeKind.VersionOf, v2.Key, dataset.Key).Build();
            await writer.AppendAsync(changes, cancellationToken);
        }
        await using var reader = SqliteLineageStore.Open(store);
        SnapshotDiffResult? diff = null;
        var samples = new List<double>();
        for (var i = 0; i < Math.Max(5, runs); i++)
        {
            // From stored metadata alone: read both version nodes, decode their chunk lists, compare.
            var watch = Stopwatch.StartNew();
            var a = (await reader.FindNodeAsync(v1.Key, cancellationToken))!.As<DatasetVersion>();
            var b = (await reader.FindNodeAsync(v2.Key, cancellationToken))!.As<DatasetVersion>();
            diff = SnapshotDiff.Compare(DatasetSnapshot.ChunksOf(a.Snapshot!.Value)!, DatasetSnapshot.ChunksOf(b.Snapshot!.Value)!);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        var ms = Stats.Median(samples);
        Console.WriteLine(Row("diff of the registered versions (1 row inserted)", ms, "ms", $"{diff!.ChunksTouched} chunks touched ({diff.ChangedChunksBefore} before, {diff.ChangedChunksAfter} after), rows out {diff.RowsRemoved}, in {diff.RowsAdded} (targets ≤ 2 chunks, ≤ 50 ms)"));
        Console.WriteLine(Row("stored chunk list of one version", JsonSerializer.SerializeToUtf8Bytes(v1.Snapshot).Length / 1e3, "KB"));
    }

    // id, name, amount, day, flag: about 48 bytes a row. The second file has one row more, after the middle id.
    private static void WriteTables(string before, string after, int rows, int insertAfter)
    {
        using var a = new FileStream(before, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var b = new FileStream(after, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var header = "id,name,amount,day,flag\n"u8;
        a.Write(header);
        b.Write(header);
        var line = new byte[128];
        for (var i = 1; i <= rows; i++)
        {
            var n = Format(line, i);
            a.Write(line, 0, n);
            b.Write(line, 0, n);
            if (i == insertAfter)
            {
                b.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{i}.5,inserted row,1.00,2024-06-01,true\n")));
            }
        }
    }

    private static int Format(byte[] line, int i)
    {
        var written = 0;
        void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(line.AsSpan(written));
            written += bytes.Length;
        }
        void Number(long value)
        {
            value.TryFormat(line.AsSpan(written), out var w, default, CultureInfo.InvariantCulture);
            written += w;
        }
        Number(i);
        Append(",customer "u8);
        Number(i);
        Append(","u8);
        Number(i * 7L % 100_000);
        Append("."u8);
        Append([(byte)('0' + (i % 100 / 10)), (byte)('0' + (i % 10))]);
        Append(",2024-"u8);
        Append([(byte)('0' + ((i % 12) + 1) / 10), (byte)('0' + (((i % 12) + 1) % 10))]);
        Append("-"u8);
        Append([(byte)('0' + ((i % 28) + 1) / 10), (byte)('0' + (((i % 28) + 1) % 10))]);
        Append(i % 3 == 0 ? ",true\n"u8 : ",false\n"u8);
        return written;
    }

    private static double? DuckDbHash(string csv, int runs)
    {
        var anchors = Anchors.Directory();
        if (anchors is null || !Anchors.EnsureInstalled(anchors))
        {
            Console.WriteLine("  DuckDB anchor: the anchors folder or its packages are unavailable");
            return null;
        }
        var (exit, output, error) = Anchors.Node(anchors, "duckdb-hash.mjs", csv, runs.ToString(CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            Console.WriteLine($"  DuckDB anchor failed ({exit}): {error}");
            return null;
        }
        return JsonDocument.Parse(output).RootElement.GetProperty("seconds").GetDouble();
    }
}
