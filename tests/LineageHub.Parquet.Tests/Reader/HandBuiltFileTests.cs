using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Reader;

/// <summary>Hand-built files, each lying in exactly one field, so the guard that catches it is named.</summary>
public sealed class HandBuiltFileTests
{
    private static string[] Rows(byte[] file)
    {
        using var reader = ParquetReader.Open(new MemoryStream(file));
        using var output = new MemoryStream();
        LineageHub.Parquet.Json.ParquetJsonLinesWriter.WriteRows(reader, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void ReadRows_ValidHandBuiltFile_ReadsItsValues()
    {
        Assert.Equal(["""{"v":1}""", """{"v":2}""", """{"v":3}"""], Rows(new SingleColumnFile().Build()));
    }

    [Fact]
    public void ReadRows_FixedLengthOfOneGigabyte_FailsBeforeAllocating()
    {
        var file = new SingleColumnFile { Type = PhysicalType.FixedLenByteArray, TypeLength = 1 << 30, Rows = 1, PageData = [1, 2, 3] }.Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Rows(file));
        Assert.StartsWith(ParquetErrors.Encoding, e.Message, StringComparison.Ordinal);
        Assert.Contains("1073741824 bytes, the page holds 3", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20);
    }

    [Fact]
    public void ReadRows_PageDeclaresMoreValuesThanTheRowGroup_NamesThePage()
    {
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Rows(new SingleColumnFile { PageValues = 1_000_000 }.Build()));
        Assert.StartsWith(ParquetErrors.Page, e.Message, StringComparison.Ordinal);
        Assert.Contains("column 'v', row group 0, page 0 at file offset 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_PlainValuesShorterThanDeclared_ReportsBothLengths()
    {
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Rows(new SingleColumnFile { PageData = [1, 0, 0, 0] }.Build()));
        Assert.Contains("3 PLAIN INT32 values need 12 bytes, the page holds 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_DecimalWithNegativeScale_IsASchemaError()
    {
        var file = new SingleColumnFile { ConvertedType = ConvertedType.Decimal, Scale = int.MinValue, Precision = 9 }.Build();
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Rows(file));
        Assert.StartsWith(ParquetErrors.Schema, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_DecimalOnInt32_FormatsWithItsScale()
    {
        var file = new SingleColumnFile { ConvertedType = ConvertedType.Decimal, Scale = 2, Precision = 9 }.Build();
        Assert.Equal(["""{"v":"0.01"}""", """{"v":"0.02"}""", """{"v":"0.03"}"""], Rows(file));
    }

    [Fact]
    public void ReadColumn_ChunkBeyondValueLimit_FailsBeforeGrowingLevels()
    {
        // An optional column whose single page claims a million nulls in a 6-byte RLE run: valid, but over the limit.
        var file = new SingleColumnFile
        {
            Repetition = FieldRepetition.Optional,
            Rows = 1_000_000,
            PageValues = 1_000_000,
            PageData = [4, 0, 0, 0, 0x80, 0x89, 0x7A, 0x00],
        }.Build();
        using var reader = ParquetReader.Open(new MemoryStream(file), options: new ParquetReaderOptions { MaxValuesPerColumnChunk = 1000 });
        var e = Assert.ThrowsAny<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Leaves[0]));
        Assert.Contains("limit of 1000 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadColumn_MillionNullsInOneRun_ReadsWithinTheDefaultLimit()
    {
        var file = new SingleColumnFile
        {
            Repetition = FieldRepetition.Optional,
            Rows = 1_000_000,
            PageValues = 1_000_000,
            PageData = [4, 0, 0, 0, 0x80, 0x89, 0x7A, 0x00],
        }.Build();
        using var reader = ParquetReader.Open(new MemoryStream(file));
        var batch = reader.ReadColumn(0, reader.Schema.Leaves[0]);
        Assert.Equal(1_000_000, batch.LevelCount);
        Assert.Equal(0, batch.ValueCount);
    }
}
