using LineageHub.Testing;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Reader;

public sealed class PageIndexAndBatchTests
{
    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadOffsetIndex_FileWithPageIndex_LocatesEveryPage()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("alltypes_tiny_pages.parquet"));
        var column = reader.Schema.Find("id")!;
        var offsets = reader.ReadOffsetIndex(0, column);
        var stats = reader.ReadColumnIndex(0, column);
        Assert.NotNull(offsets);
        Assert.NotNull(stats);
        Assert.True(offsets.PageLocations.Count > 1);
        Assert.Equal(0, offsets.PageLocations[0].FirstRowIndex);
        Assert.True(offsets.PageLocations.Zip(offsets.PageLocations.Skip(1)).All(p => p.First.FirstRowIndex < p.Second.FirstRowIndex && p.First.Offset < p.Second.Offset));
        Assert.Equal(offsets.PageLocations.Count, stats.NullPages.Count);
        Assert.Equal(offsets.PageLocations.Count, stats.MinValues.Count);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadOffsetIndex_FileWithoutPageIndex_ReturnsNull()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("alltypes_plain.parquet"));
        Assert.Null(reader.ReadOffsetIndex(0, reader.Schema.Leaves[0]));
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadColumnBatches_ProjectedColumn_YieldsOneBatchPerRowGroup()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("alltypes_tiny_pages_plain.parquet"));
        long rows = 0;
        long sum = 0;
        foreach (var batches in reader.ReadColumnBatches(["id"]))
        {
            var id = Assert.Single(batches);
            rows += id.RowCount;
            foreach (var v in id.Int32Values)
            {
                sum += v;
            }
        }
        Assert.Equal(reader.RowCount, rows);
        Assert.Equal(reader.RowCount * (reader.RowCount - 1) / 2, sum);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadRows_UnknownColumn_NamesTheAvailableOnes()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("alltypes_plain.parquet"));
        var e = Assert.Throws<ParquetFormatException>(() => reader.ReadRows(["nope"]));
        Assert.StartsWith(ParquetErrors.UnknownColumn, e.Message, StringComparison.Ordinal);
        Assert.Contains("bool_col", e.Message, StringComparison.Ordinal);
    }
}
