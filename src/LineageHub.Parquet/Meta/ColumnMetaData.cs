namespace LineageHub.Parquet.Meta;

/// <summary>Where a column chunk's pages are and how they are encoded (parquet.thrift <c>ColumnMetaData</c>).</summary>
public sealed class ColumnMetaData
{
    public PhysicalType Type { get; internal set; }

    public IReadOnlyList<ParquetEncoding> Encodings { get; internal set; } = [];

    public IReadOnlyList<string> PathInSchema { get; internal set; } = [];

    public CompressionCodec Codec { get; internal set; }

    public long NumValues { get; internal set; }

    public long TotalUncompressedSize { get; internal set; }

    public long TotalCompressedSize { get; internal set; }

    public IReadOnlyList<KeyValue> KeyValueMetadata { get; internal set; } = [];

    public long DataPageOffset { get; internal set; }

    public long? IndexPageOffset { get; internal set; }

    public long? DictionaryPageOffset { get; internal set; }

    public Statistics? Statistics { get; internal set; }

    public long? BloomFilterOffset { get; internal set; }

    public int? BloomFilterLength { get; internal set; }
}
