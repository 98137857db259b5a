using LineageHub.Connectors.Datasets.Tests.Support;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

/// <summary>
/// The same rows written by DuckDB as CSV, JSON Lines and Parquet (several codecs, row-group sizes and
/// column orders) give one root. DuckDB, not our code, writes every file, so the agreement is evidence.
/// </summary>
public sealed class ParquetInvarianceTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    [Fact]
    public void TheSameRows_InEveryFormatAndCodec_GiveOneRoot()
    {
        var p = _dir.Path;
        DuckDb.Execute($"""
            CREATE TABLE t AS SELECT
              i AS id,
              'name ' || i AS name,
              i * 1.5 AS amount,
              CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '2024-01-01' + (i % 365)::INTEGER END AS day,
              TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 37) AS ts,
              i % 2 = 0 AS flag,
              (i / 8)::DECIMAL(12,3) AS price,
              CASE WHEN i % 11 = 0 THEN '' WHEN i % 13 = 0 THEN NULL ELSE 'x' || (i % 5) END AS note
            FROM range(1, 3001) r(i);
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t.csv' (HEADER, DELIMITER ',');
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t.jsonl' (FORMAT json);
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t-plain.parquet' (FORMAT parquet, COMPRESSION uncompressed);
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t-snappy.parquet' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 500);
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t-zstd.parquet' (FORMAT parquet, COMPRESSION zstd);
            COPY (SELECT * FROM t ORDER BY id) TO '{p}/t-gzip.parquet' (FORMAT parquet, COMPRESSION gzip, ROW_GROUP_SIZE 1000);
            COPY (SELECT note, price, flag, ts, day, amount, name, id FROM t ORDER BY id) TO '{p}/t-reordered.parquet' (FORMAT parquet, COMPRESSION snappy);
            COPY (SELECT * FROM t ORDER BY hash(id)) TO '{p}/t-shuffled.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 700);
            COPY (SELECT * FROM t ORDER BY hash(id)) TO '{p}/t-shuffled.csv' (HEADER, DELIMITER ';');
            """);

        var csv = Snap.Table(Path.Combine(p, "t.csv"));
        Assert.Equal(3000, csv.RowCount);
        foreach (var file in new[] { "t.jsonl", "t-plain.parquet", "t-snappy.parquet", "t-zstd.parquet", "t-gzip.parquet", "t-reordered.parquet" })
        {
            Assert.True(csv.Root == Snap.Table(Path.Combine(p, file)).Root, $"{file} has another root than t.csv");
        }

        var keyed = Snap.Table(Path.Combine(p, "t.csv"), "id").Root;
        Assert.Equal(keyed, Snap.Table(Path.Combine(p, "t-shuffled.parquet"), "id").Root);
        var semicolon = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(Path.Combine(p, "t-shuffled.csv"), "id") with { Csv = new(Delimiter: (byte)';') });
        Assert.Equal(keyed, semicolon.Root);
        Assert.NotEqual(csv.Root, keyed);
    }

    public void Dispose() => _dir.Dispose();
}
