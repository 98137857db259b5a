using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Domain;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets;

/// <summary>A snapshot of a file or folder: raw or table mode (table needs the salt key), and the table options.</summary>
public sealed record SnapshotRequest(string Path, SnapshotMode Mode)
{
    public SnapshotSaltKey? SaltKey { get; init; }

    public TableFormat? Format { get; init; }

    public CsvOptions Csv { get; init; } = new();

    public string? Key { get; init; }

    public bool AllowDuplicateKeys { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public SnapshotProgress? Progress { get; init; }

    /// <summary>The mode a path gets when none is given: table for a .csv/.tsv/.jsonl/.ndjson/.parquet file, raw otherwise.</summary>
    public static SnapshotMode DefaultMode(string path) =>
        File.Exists(path) && TableFormats.FromExtension(path) is not null ? SnapshotMode.Table : SnapshotMode.Raw;

    public TableSnapshotRequest ForTable() => new(Path, SaltKey ?? throw new InvalidOperationException("table mode needs a salt key"))
    {
        Format = Format,
        Csv = Csv,
        Key = Key,
        AllowDuplicateKeys = AllowDuplicateKeys,
        Parallelism = Parallelism,
        Progress = Progress,
    };
}
