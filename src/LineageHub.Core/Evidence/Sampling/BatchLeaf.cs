using LineageHub.Core.Hashing;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>A consent record as leaf <see cref="Index"/> of its batch: its canonical bytes and RFC 9162 inclusion path, leaf's sibling first.</summary>
public sealed record BatchLeaf(long Index, byte[] Bytes, IReadOnlyList<Digest> Path);
