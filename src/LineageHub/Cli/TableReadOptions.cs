using System.CommandLine;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Domain;

namespace LineageHub.Cli;

/// <summary>The options of every verb that reads a dataset file: the mode, key, CSV dialect, salt key and threads.</summary>
public sealed class TableReadOptions(string keyOptionName = "--key")
{
    public Option<string?> Mode { get; } = new("--mode") { Description = "raw (any file or folder, 1 MiB chunks) or table (rows of a CSV, JSON Lines or Parquet file); default: table for .csv/.tsv/.jsonl/.ndjson/.parquet files, raw otherwise" };

    public Option<string?> Key { get; } = new(keyOptionName) { Description = "Order rows by this column (default: file order)" };

    public Option<string?> Format { get; } = new("--format") { Description = "csv, jsonl or parquet (default: from the extension)" };

    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "The CSV field delimiter (default ','; '\\t' for tab; .tsv files default to tab)" };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "The CSV text encoding (default utf-8)" };

    public Option<bool> AllowDuplicateKeys { get; } = new("--allow-duplicate-keys") { Description = "Accept a key value on more than one row (they keep file order)" };

    public Option<string?> SaltKey { get; } = new("--salt-key") { Description = "The file holding the table-mode salt key (default: $LINEAGEHUB_SNAPSHOT_KEY or snapshot-salt.key in the data folder, created on first use)" };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Hashing threads (default: one per core)" };

    public void AddTo(Command command, bool withMode = true)
    {
        if (withMode)
        {
            command.Add(Mode);
        }
        command.Add(Key);
        command.Add(Format);
        command.Add(Delimiter);
        command.Add(Encoding);
        command.Add(AllowDuplicateKeys);
        command.Add(SaltKey);
        command.Add(Threads);
    }

    public SnapshotRequest Request(ParseResult parse, string path, string? dataDirectory, SnapshotMode? forcedMode = null, string? key = null)
    {
        var modeText = parse.GetValue(Mode);
        var mode = forcedMode ?? modeText?.ToLowerInvariant() switch
        {
            null => SnapshotRequest.DefaultMode(path),
            "raw" => SnapshotMode.Raw,
            "table" => SnapshotMode.Table,
            _ => throw Core.LineageHubException.InvalidInput($"--mode must be raw or table, got '{modeText}'"),
        };
        var formatText = parse.GetValue(Format);
        return new SnapshotRequest(path, mode)
        {
            SaltKey = mode == SnapshotMode.Table ? SnapshotSaltKeyFile.Load(parse.GetValue(SaltKey), dataDirectory) : null,
            Format = mode == SnapshotMode.Table ? TableFormats.Parse(formatText, path) : null,
            Csv = CsvOptions.Parse(parse.GetValue(Delimiter), parse.GetValue(Encoding), tab: parse.GetValue(Delimiter) is null && path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)),
            Key = key ?? parse.GetValue(Key),
            AllowDuplicateKeys = parse.GetValue(AllowDuplicateKeys),
            Parallelism = Math.Max(1, parse.GetValue(Threads) ?? Environment.ProcessorCount),
        };
    }
}
