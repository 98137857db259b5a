using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>What to snapshot and how: the key, the reader's options, and what to keep besides the root.</summary>
public sealed record TableSnapshotRequest(string Path, SnapshotSaltKey SaltKey)
{
    public TableFormat? Format { get; init; }

    public CsvOptions Csv { get; init; } = new();

    public string? Key { get; init; }

    public bool AllowDuplicateKeys { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Build the proof of this row (0-based, in snapshot order).</summary>
    public long? ProveRow { get; init; }

    /// <summary>Build the proof of the row whose key has this value (typed from its text).</summary>
    public string? ProveKey { get; init; }

    public Action<SnapshotChunk, IReadOnlyList<byte[]>>? ChunkRows { get; init; }

    public SnapshotProgress? Progress { get; init; }
}
