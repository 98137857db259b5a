namespace LineageHub.Core.Snapshots;

/// <summary>How a <see cref="TableSnapshotBuilder"/> works: threads, and what it keeps besides the root.</summary>
public sealed record TableSnapshotOptions
{
    /// <summary>Hashing threads beside the caller's (default: the machine's cores).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The row (0-based, in snapshot order) whose inclusion proof to build, if any.</summary>
    public long? ProveRow { get; init; }

    /// <summary>Called with each chunk and its rows' bytes (in order) as the chunk completes: what an exact diff reads.</summary>
    public Action<SnapshotChunk, IReadOnlyList<byte[]>>? ChunkRows { get; init; }
}
