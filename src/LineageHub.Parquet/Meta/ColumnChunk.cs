namespace LineageHub.Parquet.Meta;

/// <summary>One column's data within a row group (parquet.thrift <c>ColumnChunk</c>).</summary>
public sealed class ColumnChunk
{
    public string? FilePath { get; internal set; }

    public long FileOffset { get; internal set; }

    public ColumnMetaData? MetaData { get; internal set; }

    public long? OffsetIndexOffset { get; internal set; }

    public int? OffsetIndexLength { get; internal set; }

    public long? ColumnIndexOffset { get; internal set; }

    public int? ColumnIndexLength { get; internal set; }

    /// <summary>True when the chunk carries column crypto metadata: its pages are encrypted.</summary>
    public bool IsEncrypted { get; internal set; }
}
