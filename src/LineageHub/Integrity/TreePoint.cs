using LineageHub.Core.Hashing;

namespace LineageHub.Integrity;

/// <summary>A ledger size and the tree root at it.</summary>
public readonly record struct TreePoint(long Size, Digest Root);
