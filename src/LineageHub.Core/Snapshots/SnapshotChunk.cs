using LineageHub.Core.Hashing;

namespace LineageHub.Core.Snapshots;

/// <summary>One content-defined chunk of a table snapshot: its rows [FirstRow, FirstRow + Rows), their tree's root, and the key range it spans (null without a key).</summary>
public sealed record SnapshotChunk(long FirstRow, long Rows, Digest Root, string? FirstKey = null, string? LastKey = null);
