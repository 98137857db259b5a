namespace LineageHub.Parquet.Meta;

/// <summary>The file footer (parquet.thrift <c>FileMetaData</c>).</summary>
public sealed class FileMetaData
{
    public int Version { get; internal set; }

    public IReadOnlyList<SchemaElement> Schema { get; internal set; } = [];

    public long NumRows { get; internal set; }

    public IReadOnlyList<RowGroup> RowGroups { get; internal set; } = [];

    public IReadOnlyList<KeyValue> KeyValueMetadata { get; internal set; } = [];

    public string? CreatedBy { get; internal set; }

    /// <summary>True when the footer names an encryption algorithm (plaintext-footer encrypted files).</summary>
    public bool HasEncryptionAlgorithm { get; internal set; }
}
