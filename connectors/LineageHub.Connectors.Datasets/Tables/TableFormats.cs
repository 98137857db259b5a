using LineageHub.Core;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>Names and file extensions of the table formats.</summary>
public static class TableFormats
{
    /// <summary>The format of a file by its extension; null when it is not a table file.</summary>
    public static TableFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" => TableFormat.Csv,
        ".jsonl" or ".ndjson" => TableFormat.JsonLines,
        ".parquet" or ".parq" => TableFormat.Parquet,
        _ => null,
    };

    public static TableFormat Parse(string? name, string path) => name?.ToLowerInvariant() switch
    {
        null => FromExtension(path) ?? throw LineageHubException.InvalidInput(DatasetMessages.UnknownFormat(path)),
        "csv" or "tsv" => TableFormat.Csv,
        "jsonl" or "ndjson" or "json-lines" => TableFormat.JsonLines,
        "parquet" => TableFormat.Parquet,
        _ => throw LineageHubException.InvalidInput(DatasetMessages.UnknownFormat(path)),
    };
}
