namespace LineageHub.Parquet.Meta;

/// <summary>A horizontal slice of the file: one chunk per leaf column (parquet.thrift <c>RowGroup</c>).</summary>
public sealed class RowGroup
{
    public IReadOnlyList<ColumnChunk> Columns { get; internal set; } = [];

    public long TotalByteSize { get; internal set; }

    public long NumRows { get; internal set; }

    public long? FileOffset { get; internal set; }

    public long? TotalCompressedSize { get; internal set; }

    public short? Ordinal { get; internal set; }
}
