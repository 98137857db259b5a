using LineageHub.Core.Hashing;

namespace LineageHub.Core.Snapshots;

/// <summary>A table snapshot: the root over the schema and the chunk roots, and what produced it.</summary>
public sealed record TableSnapshot(Digest Root, TableSchema Schema, long RowCount, IReadOnlyList<SnapshotChunk> Chunks, Digest SaltKeyId, RowProof? Proof = null);
