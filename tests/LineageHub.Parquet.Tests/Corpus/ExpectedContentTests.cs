using LineageHub.Testing;
using System.Text.Json;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Tests.Support;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Tests.Corpus;

/// <summary>Files whose expected content the corpus documents (a *_expect.csv twin or a .md) match it.</summary>
public sealed class ExpectedContentTests
{
    [CorpusTheory(ParquetCorpus.Folder)]
    [InlineData("delta_binary_packed")]
    [InlineData("delta_byte_array")]
    [InlineData("delta_encoding_optional_column")]
    [InlineData("delta_encoding_required_column")]
    public void Rows_FileWithCsvTwin_MatchTheCsv(string name)
    {
        var expected = Csv.Parse(File.ReadAllText(Support.ParquetCorpus.DataFile(name + "_expect.csv")));
        var ours = Read.JsonLines(Support.ParquetCorpus.DataFile(name + ".parquet"));
        Assert.Equal(expected.Count - 1, ours.Length);
        for (var r = 0; r < ours.Length; r++)
        {
            using var doc = JsonDocument.Parse(ours[r]);
            var values = doc.RootElement.EnumerateObject().Select(p => p.Value).ToArray();
            var csv = expected[r + 1];
            Assert.Equal(csv.Length, values.Length);
            for (var c = 0; c < values.Length; c++)
            {
                var actual = values[c].ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => values[c].GetString(),
                    _ => values[c].GetRawText(),
                };
                Assert.True(csv[c] == actual, $"row {r}, column {expected[0][c]}: expected {csv[c] ?? "null"}, read {actual ?? "null"}");
            }
        }
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void Rows_Int96FromSpark_MatchTheDocumentedMicroseconds()
    {
        // int96_from_spark.md lists the values as microseconds since the epoch; the last lies beyond 64-bit nanoseconds.
        long?[] expected = [1704141296123456, 1704070800000000, 253402225200000000, 1735599600000000, null, 9089380393200000000];
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("int96_from_spark.parquet"));
        var actual = reader.ReadRows().Select(r => r["a"] is ParquetTimestamp t ? Micros(t) : (long?)null).ToArray();
        Assert.Equal(expected, actual);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void Rows_MapWithoutValueField_ReadKeysWithNullValues()
    {
        // map_no_value.md: keys 1..9 in three rows of three; neither map stores a value.
        var rows = Read.JsonLines(Support.ParquetCorpus.DataFile("map_no_value.parquet"));
        Assert.Equal(
            """{"my_map":[{"key":1,"value":null},{"key":2,"value":null},{"key":3,"value":null}],"my_map_no_v":[{"key":1,"value":null},{"key":2,"value":null},{"key":3,"value":null}],"my_list":[1,2,3]}""",
            rows[0]);
        Assert.Equal(3, rows.Length);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void Rows_OldTwoLevelListStructure_ReadAsNestedLists()
    {
        Assert.Equal(["""{"a":[[1,2],[3,4]]}"""], Read.JsonLines(Support.ParquetCorpus.DataFile("old_list_structure.parquet")));
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [InlineData("hadoop_lz4_compressed.parquet")]
    [InlineData("non_hadoop_lz4_compressed.parquet")]
    public void Rows_LegacyLz4Framings_ReadTheSameRows(string file)
    {
        string[] expected =
        [
            """{"c0":1593604800,"c1":"YWJj","v11":42}""",
            """{"c0":1593604800,"c1":"ZGVm","v11":7.7}""",
            """{"c0":1593604801,"c1":"YWJj","v11":42.125}""",
            """{"c0":1593604801,"c1":"ZGVm","v11":7.7}""",
        ];
        Assert.Equal(expected, Read.JsonLines(Support.ParquetCorpus.DataFile(file)));
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void Rows_ByteStreamSplitExtended_EqualTheirPlainTwins()
    {
        // The file stores each column twice, PLAIN and BYTE_STREAM_SPLIT: the pairs must agree row by row.
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("byte_stream_split_extended.gzip.parquet"));
        var pairs = reader.Schema.Fields.Where(f => f.Name.EndsWith("_plain", StringComparison.Ordinal)).Select(f => f.Name[..^"_plain".Length]).ToList();
        Assert.NotEmpty(pairs);
        var rows = 0;
        foreach (var row in reader.ReadRows())
        {
            foreach (var p in pairs)
            {
                Assert.Equal(LineageHub.Parquet.Json.ParquetJsonLinesWriter.FormatValue(row[p + "_plain"]), LineageHub.Parquet.Json.ParquetJsonLinesWriter.FormatValue(row[p + "_byte_stream_split"]));
            }
            rows++;
        }
        Assert.Equal(reader.RowCount, rows);
    }

    private static long Micros(ParquetTimestamp t) => t.Unit switch
    {
        TimeUnit.Nanos => t.Value / 1000,
        TimeUnit.Micros => t.Value,
        _ => t.Value * 1000,
    };
}
