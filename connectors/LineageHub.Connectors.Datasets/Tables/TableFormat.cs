namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>The table file formats, chosen from the extension unless given.</summary>
public enum TableFormat
{
    Csv,
    JsonLines,
    Parquet,
}
