using LineageHub.Core.Hashing;

namespace LineageHub.Core.Evidence;

/// <summary>One ledger entry in a bundle: its canonical bytes and its RFC 9162 inclusion path in the bundle's tree head.</summary>
public sealed record EvidenceEntry(long Seq, byte[] Bytes, IReadOnlyList<Digest> Path);
