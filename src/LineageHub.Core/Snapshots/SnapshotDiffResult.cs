namespace LineageHub.Core.Snapshots;

/// <summary>The chunk-level difference of two table snapshots (see <see cref="SnapshotDiff"/>).</summary>
public sealed record SnapshotDiffResult(int ChunksBefore, int ChunksAfter, int ChangedChunksBefore, int ChangedChunksAfter, long RowsRemoved, long RowsAdded, IReadOnlyList<ChangedRange> Ranges)
{
    /// <summary>Changed chunks on both sides together: what a reader of the change must look at.</summary>
    public int ChunksTouched => ChangedChunksBefore + ChangedChunksAfter;

    public bool Identical => Ranges.Count == 0;
}
