using System.Globalization;
using System.Text;

namespace LineageHub.Parquet.Tests.Differential;

/// <summary>
/// Parquet files DuckDB writes from one generated table, once per test run: every codec, dictionary on and off,
/// small and large row groups, data page v1 and v2. The table covers nulls, 64-bit extremes, NaN, strings,
/// blobs, dates, times, timestamps in every unit and with UTC, decimals of each storage width, UUIDs, nested
/// lists, structs, lists of structs and maps.
/// </summary>
public sealed class GeneratedFiles : IDisposable
{
    public const int Rows = 12_000;

    public static readonly string[] Codecs = ["uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4_raw"];

    private const string Table = """
        CREATE TYPE color AS ENUM ('red', 'green', 'blue');
        CREATE TABLE t AS SELECT
            i::BIGINT AS id,
            CASE WHEN i % 7 = 0 THEN NULL ELSE ((i * 2654435761) % 1000003 - 500000)::INTEGER END AS i32,
            (i % 200 - 100)::TINYINT AS i8,
            (i % 60000)::USMALLINT AS u16,
            ((i * 1000003) % 4294967296)::UBIGINT * 4294967311 AS u64,
            CASE WHEN i % 11 = 0 THEN NULL ELSE (i - 6000) * 1537228672809129 END AS big,
            (i / 3.0)::FLOAT AS f32,
            CASE WHEN i % 13 = 0 THEN NULL WHEN i % 17 = 0 THEN 'NaN'::DOUBLE WHEN i % 19 = 0 THEN '-inf'::DOUBLE ELSE i * 1.000001 END AS f64,
            i % 3 = 0 AS flag,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 'subject-' || (i % 500) END AS subject,
            repeat('é', i % 7) || i::VARCHAR AS unique_str,
            CASE WHEN i % 10 = 0 THEN NULL ELSE encode('blob' || i) END AS bytes,
            (['red', 'green', 'blue'])[i % 3 + 1]::color AS colour,
            DATE '1970-01-01' + (i * 37 % 80000 - 40000)::INTEGER AS dt,
            TIME '00:00:00' + INTERVAL ((i * 1234567) % 86400000000) MICROSECOND AS tm,
            TIMESTAMP '2000-01-01' + INTERVAL (i * 7919) SECOND + INTERVAL (i % 1000000) MICROSECOND AS ts,
            CASE WHEN i % 4 = 0 THEN NULL ELSE (TIMESTAMP '1960-01-01' + INTERVAL (i * 3) HOUR)::TIMESTAMPTZ END AS tstz,
            (TIMESTAMP '2020-02-29 12:00:00' + INTERVAL (i * 1001) MILLISECOND)::TIMESTAMP_MS AS ts_ms,
            (TIMESTAMP '1999-12-31 23:59:59' + INTERVAL (i) MICROSECOND)::TIMESTAMP_NS AS ts_ns,
            CAST((i * 12345 % 100000000 - 50000000) / 100 AS DECIMAL(9, 2)) AS dec9,
            CAST(i * 1234567891 AS DECIMAL(18, 4)) / 7 AS dec18,
            CASE WHEN i % 3 = 0 THEN NULL ELSE CAST(i AS DECIMAL(38, 10)) * 1234567890123.5 - 99999999999999 END AS dec38,
            md5(i::VARCHAR)::UUID AS uid,
            CASE WHEN i % 9 = 0 THEN NULL ELSE list_transform(range(i % 5), x -> CASE WHEN x = 2 THEN NULL ELSE x + i END) END AS ints,
            CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN [] WHEN 2 THEN [['a' || i, NULL], []] ELSE [NULL, ['b', 'c' || i]] END AS nested,
            CASE WHEN i % 6 = 0 THEN NULL ELSE {'a': i, 'b': CASE WHEN i % 4 = 0 THEN NULL ELSE 's' || i END, 'c': {'d': i * 0.5}} END AS st,
            CASE WHEN i % 5 = 1 THEN [] ELSE [{'x': i, 'y': i * 0.25}, {'x': NULL, 'y': NULL}, NULL] END AS structs,
            CASE WHEN i % 8 = 0 THEN NULL ELSE MAP {'k' || (i % 3): i, 'z': NULL} END AS m
        FROM range({rows}) r(i);
        """;

    private readonly Lazy<string> _folder;

    public GeneratedFiles()
    {
        _folder = new Lazy<string>(Write, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every variant's file name: codec, dictionary, row group size, page version.</summary>
    public static IEnumerable<string> Variants()
    {
        foreach (var codec in Codecs)
        {
            yield return $"{codec}-dict-large-v1";
        }
        yield return "snappy-plain-small-v1";
        yield return "zstd-plain-large-v1";
        yield return "snappy-dict-small-v2";
        yield return "zstd-plain-small-v2";
        yield return "gzip-dict-large-v2";
        yield return "uncompressed-plain-large-v2";
    }

    public string PathOf(string variant) => Path.Combine(_folder.Value, variant + ".parquet");

    public void Dispose()
    {
        if (_folder.IsValueCreated)
        {
            Directory.Delete(_folder.Value, recursive: true);
        }
    }

    private static string Write()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lineagehub-parquet-generated-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var sql = new StringBuilder(Table.Replace("{rows}", Rows.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        foreach (var v in Variants())
        {
            var parts = v.Split('-');
            var options = new List<string>
            {
                "FORMAT parquet",
                $"COMPRESSION '{parts[0]}'",
                $"ROW_GROUP_SIZE {(parts[2] == "small" ? 1000 : 100_000)}",
                $"PARQUET_VERSION '{parts[3].ToUpperInvariant()}'",
            };
            if (parts[1] == "plain")
            {
                options.Add("DICTIONARY_SIZE_LIMIT 1");
            }
            sql.AppendLine(CultureInfo.InvariantCulture, $"COPY t TO '{Path.Combine(folder, v + ".parquet")}' ({string.Join(", ", options)});");
        }
        Support.DuckDbOracle.Execute(sql.ToString());
        return folder;
    }
}
