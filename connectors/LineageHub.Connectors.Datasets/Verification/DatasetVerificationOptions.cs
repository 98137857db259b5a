using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>How dataset versions are re-verified: where files may be read, with which salt key, how fast, and whether unchanged files are skipped.</summary>
public sealed record DatasetVerificationOptions(AllowedRoots Roots)
{
    /// <summary>The table-mode salt key the versions were snapshotted with; table versions are unreadable without it.</summary>
    public SnapshotSaltKey? SaltKey { get; init; }

    /// <summary>Skip files whose size and modification time are as at the last successful verification (and say so in the result).</summary>
    public bool Incremental { get; init; }

    /// <summary>At most this many bytes per second are read; null reads as fast as the disk goes.</summary>
    public long? MaxBytesPerSecond { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
