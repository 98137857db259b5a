namespace LineageHub.Parquet.Meta;

/// <summary>Header of a version 1 data page.</summary>
public sealed class DataPageHeader
{
    public int NumValues { get; internal set; }

    public ParquetEncoding Encoding { get; internal set; }

    public ParquetEncoding DefinitionLevelEncoding { get; internal set; }

    public ParquetEncoding RepetitionLevelEncoding { get; internal set; }

    public Statistics? Statistics { get; internal set; }
}
