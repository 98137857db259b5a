namespace LineageHub.Parquet.Meta;

/// <summary>Header of a version 2 data page: levels are stored uncompressed before the values.</summary>
public sealed class DataPageHeaderV2
{
    public int NumValues { get; internal set; }

    public int NumNulls { get; internal set; }

    public int NumRows { get; internal set; }

    public ParquetEncoding Encoding { get; internal set; }

    public int DefinitionLevelsByteLength { get; internal set; }

    public int RepetitionLevelsByteLength { get; internal set; }

    public bool IsCompressed { get; internal set; } = true;

    public Statistics? Statistics { get; internal set; }
}
