using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Exports;

/// <summary>The export formats read: CSV (RFC 4180) and JSON Lines.</summary>
public enum ExportFormat
{
    Csv,
    JsonLines,
}

/// <summary>Picks a format from a name or a file's extension.</summary>
public static class ExportFormats
{
    public static ExportFormat Parse(string? name, string path) => (name ?? Path.GetExtension(path).TrimStart('.')).ToLowerInvariant() switch
    {
        "csv" or "tsv" => ExportFormat.Csv,
        "jsonl" or "ndjson" or "json-lines" => ExportFormat.JsonLines,
        _ => throw LineageHubException.InvalidInput($"{path}: give --format csv or jsonl (the extension does not say)"),
    };
}
