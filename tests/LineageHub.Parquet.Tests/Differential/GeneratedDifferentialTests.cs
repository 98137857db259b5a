using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Differential;

/// <summary>Files DuckDB writes with every codec and layout: our JSON Lines equal DuckDB's rows value for value.</summary>
public sealed class GeneratedDifferentialTests : IClassFixture<GeneratedFiles>
{
    private readonly GeneratedFiles _files;

    public GeneratedDifferentialTests(GeneratedFiles files)
    {
        _files = files;
    }

    public static TheoryData<string> Variants() => new(GeneratedFiles.Variants());

    [Theory]
    [MemberData(nameof(Variants))]
    public void Rows_DuckDbWrittenFile_EqualDuckDb(string variant)
    {
        var path = _files.PathOf(variant);
        var ours = Read.JsonLines(path);
        Assert.Equal(GeneratedFiles.Rows, ours.Length);
        Compare.Rows(ours, DuckDbOracle.Rows(path));
    }

    [Fact]
    public void Rows_TimestampWithTimeZone_EndInZ_AndLocalTimestampsDoNot()
    {
        using var reader = ParquetReader.Open(_files.PathOf("snappy-dict-large-v1"));
        Assert.True(reader.Schema.Find("tstz")!.LogicalType!.IsAdjustedToUtc);
        var row = Read.JsonLines(_files.PathOf("snappy-dict-large-v1"))[1];
        Assert.Contains("\"tstz\":\"1960-01-01T03:00:00.000000Z\"", row, StringComparison.Ordinal);
        Assert.Contains("\"ts\":\"2000-01-01T02:11:59.000001\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadColumn_OneColumnOfWideFile_ReadsOnlyThatColumnsChunks()
    {
        var path = _files.PathOf("snappy-plain-small-v1");
        using var counting = new CountingStream(File.OpenRead(path));
        using var reader = ParquetReader.Open(counting, leaveOpen: true);
        var footerBytes = counting.BytesRead;
        var column = reader.Schema.Find("f64")!;
        long expected = 0;
        var values = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var chunk = reader.Metadata.RowGroups[g].Columns[column.LeafIndex].MetaData!;
            expected += chunk.TotalCompressedSize;
            values += reader.ReadColumn(g, column).LevelCount;
        }
        Assert.Equal(GeneratedFiles.Rows, values);
        Assert.Equal(expected, counting.BytesRead - footerBytes);
        Assert.True(expected * 10 < new FileInfo(path).Length, "the projected column should be a small part of the file");
    }

    [Fact]
    public void Metadata_DuckDbFile_ExposesCodecStatisticsAndKeyValueMetadata()
    {
        using var reader = ParquetReader.Open(_files.PathOf("zstd-dict-large-v1"));
        var chunk = reader.Metadata.RowGroups[0].Columns[reader.Schema.Find("id")!.LeafIndex].MetaData!;
        Assert.Equal(CompressionCodec.Zstd, chunk.Codec);
        Assert.Equal(0, BitConverter.ToInt64(chunk.Statistics!.MinValue));
        Assert.Contains("DuckDB", reader.Metadata.CreatedBy ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReadRows_NestedFieldProjection_EqualsTheFieldOfTheFullRow()
    {
        using var reader = ParquetReader.Open(_files.PathOf("snappy-dict-small-v2"));
        var projected = reader.ReadRows(["st.a", "st.c.d", "id"]).ToList();
        using var again = ParquetReader.Open(_files.PathOf("snappy-dict-small-v2"));
        var full = again.ReadRows(["st", "id"]).ToList();
        Assert.Equal(GeneratedFiles.Rows, projected.Count);
        for (var i = 0; i < full.Count; i++)
        {
            var st = full[i]["st"] as LineageHub.Parquet.Values.ParquetStruct;
            Assert.Equal(st?["a"], projected[i]["st.a"]);
            Assert.Equal((st?["c"] as LineageHub.Parquet.Values.ParquetStruct)?["d"], projected[i]["st.c.d"]);
            Assert.Equal(full[i]["id"], projected[i]["id"]);
        }
        Assert.Contains(projected, r => r["st.a"] is null);
    }
}
