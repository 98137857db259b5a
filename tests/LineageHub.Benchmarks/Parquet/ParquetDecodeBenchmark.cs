using System.Diagnostics;
using System.Globalization;
using LineageHub.Parquet;
using LineageHub.Parquet.Columns;

namespace LineageHub.Benchmarks.Parquet;

/// <summary>
/// Decodes a 10,000,000-row snappy file DuckDB writes in the same run (id BIGINT, subject_id VARCHAR, amount DOUBLE,
/// label INT, ts TIMESTAMP), all columns and one column, beside DuckDB's single-threaded <c>sum(hash(id, subject_id, amount, label, ts))</c> scan.
/// Options: <c>--rows N</c> (default 10,000,000), <c>--v2</c> for data page v2 with DELTA encodings,
/// <c>--keep</c> to keep the file.
/// </summary>
public sealed class ParquetDecodeBenchmark : IBenchmark
{
    public string Name => "parquet";

    public string Description => "Parquet full and single-column decode of a 10M-row DuckDB file vs DuckDB's single-threaded scan";

    public Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = args.Length > 1 && args[0] == "--rows" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var v2 = args.Contains("--v2");
        var path = Path.Combine(Path.GetTempPath(), $"lineagehub-bench-{rows}{(v2 ? "-v2" : string.Empty)}.parquet");
        if (!File.Exists(path))
        {
            Console.WriteLine($"writing {rows:N0} rows with DuckDB to {path} ...");
            DuckDbProcess.Execute($"""
                COPY (
                    SELECT i::BIGINT AS id,
                           'subject-' || (hash(i) % 2000000)::VARCHAR AS subject_id,
                           (hash(i * 3) % 10000000) / 100.0 AS amount,
                           (hash(i * 5) % 1000)::INTEGER AS label,
                           TIMESTAMP '2020-01-01' + INTERVAL (hash(i * 7) % 100000000) SECOND AS ts
                    FROM range({rows}) r(i)
                ) TO '{path}' (FORMAT parquet, COMPRESSION 'snappy'{(v2 ? ", PARQUET_VERSION 'V2'" : string.Empty)});
                """);
        }
        Console.WriteLine($"file: {new FileInfo(path).Length / 1e6:F0} MB");

        // One untimed pass (the first decode pays for JIT tiering and the page cache) that also proves the decode
        // right: the same aggregates computed from our batches and by DuckDB must agree.
        Verify(path);
        var full = Measure(() => DecodeAll(path, null), cancellationToken);
        var single = Measure(() => DecodeAll(path, "amount"), cancellationToken);
        var strings = Measure(() => DecodeAll(path, "subject_id"), cancellationToken);
        foreach (var name in new[] { "id", "label", "ts" })
        {
            var t = Measure(() => DecodeAll(path, name), cancellationToken);
            Console.WriteLine($"single column ({name}) {t:F3} s  {rows / t / 1e6,8:F2} M rows/s");
        }
        var jsonRows = Math.Min(rows, 1_000_000);
        var json = Measure(() => JsonLines(path, jsonRows), cancellationToken);
        Console.WriteLine($"JSON Lines (parquet cat), first {jsonRows:N0} rows {json:F3} s  {jsonRows / json / 1e6,8:F2} M rows/s");
        var peakMb = PeakWorkingSetMb();
        // hash(*) no longer expands to every column in this DuckDB; naming the five columns is the same scan.
        var duck = DuckDbProcess.Time($"SELECT sum(hash(id, subject_id, amount, label, ts)) FROM read_parquet('{path}')");
        var duckSingle = DuckDbProcess.Time($"SELECT sum(hash(amount)) FROM read_parquet('{path}')");

        Console.WriteLine($"full decode (5 columns)    {full:F3} s  {rows / full / 1e6,8:F2} M rows/s");
        Console.WriteLine($"single column (amount)     {single:F3} s  {rows / single / 1e6,8:F2} M rows/s");
        Console.WriteLine($"single column (subject_id) {strings:F3} s  {rows / strings / 1e6,8:F2} M rows/s");
        Console.WriteLine($"duckdb sum(hash(all 5)), 1 thread  {duck:F3} s");
        Console.WriteLine($"duckdb sum(hash(amount)), 1 thread {duckSingle:F3} s");
        Console.WriteLine($"ratio full decode / duckdb: {full / duck:F2}x (target <= 2x); single column: {single / duckSingle:F2}x");
        Console.WriteLine($"peak working set: {peakMb:F0} MB (target < 256 MB)");
        if (!args.Contains("--keep"))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    private static double Measure(Func<long> run, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var n = run();
            samples.Add(watch.Elapsed.TotalSeconds);
            GC.KeepAlive(n);
        }
        return Stats.Median(samples);
    }

    /// <summary>Decodes every row group of the chosen columns (all when null) into reused batches; returns a checksum.</summary>
    private static long DecodeAll(string path, string? column)
    {
        using var reader = ParquetReader.Open(path);
        var leaves = reader.ResolveLeaves(column is null ? null : [column]);
        var batches = new ColumnBatch?[leaves.Count];
        long check = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            for (var c = 0; c < leaves.Count; c++)
            {
                batches[c] = reader.ReadColumn(g, leaves[c], batches[c]);
                check += batches[c]!.ValueCount;
            }
        }
        return check;
    }

    private static void Verify(string path)
    {
        using var reader = ParquetReader.Open(path);
        Int128 id = 0, label = 0, ts = 0;
        long subjectBytes = 0, n = 0;
        foreach (var batches in reader.ReadColumnBatches(["id", "subject_id", "label", "ts"]))
        {
            foreach (var v in batches[0].Int64Values)
            {
                id += v;
            }
            for (var i = 0; i < batches[1].ValueCount; i++)
            {
                subjectBytes += batches[1].GetBytes(i).Length;
            }
            foreach (var v in batches[2].Int32Values)
            {
                label += v;
            }
            foreach (var v in batches[3].Int64Values)
            {
                ts += v;
            }
            n += batches[0].RowCount;
        }
        var ours = $"{{\"id\":{id},\"label\":{label},\"subject_bytes\":{subjectBytes},\"ts\":\"{ts}\",\"n\":{n}}}";
        var theirs = DuckDbProcess.Query($"SELECT sum(id) AS id, sum(label) AS label, sum(length(subject_id)) AS subject_bytes, sum(epoch_us(ts))::VARCHAR AS ts, count(*) AS n FROM read_parquet('{path}')");
        Console.WriteLine(ours == theirs ? $"check: aggregates agree with DuckDB {ours}" : $"CHECK FAILED: ours {ours}, duckdb {theirs}");
        if (ours != theirs)
        {
            throw new InvalidOperationException("the decoded values disagree with DuckDB");
        }
    }

    private static long JsonLines(string path, long limit)
    {
        using var reader = ParquetReader.Open(path);
        return LineageHub.Parquet.Json.ParquetJsonLinesWriter.WriteRows(reader, Stream.Null, limit: limit);
    }

    private static double PeakWorkingSetMb()
    {
        // VmHWM is the resident-set high-water mark of this process, covering native and managed memory.
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
    }
}
