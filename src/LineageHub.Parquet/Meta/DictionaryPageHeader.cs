namespace LineageHub.Parquet.Meta;

/// <summary>Header of a dictionary page.</summary>
public sealed class DictionaryPageHeader
{
    public int NumValues { get; internal set; }

    public ParquetEncoding Encoding { get; internal set; }

    public bool? IsSorted { get; internal set; }
}
