using LineageHub.Core.Merkle;

namespace LineageHub.Core.Ledger;

/// <summary>
/// One entry of the verifiable log: the new facts of one change set, at position <see cref="Seq"/>.
/// Its <see cref="Bytes"/> (schema/ledger.md) are the Merkle leaf.
/// </summary>
public sealed record LedgerEntry(long Seq, DateTimeOffset Time, string? Actor, IReadOnlyList<NodeFact> Nodes, IReadOnlyList<EdgeFact> Edges)
{
    private byte[]? _bytes;
    private byte[]? _leafHash;

    /// <summary>The canonical encoding: exactly the bytes hashed into the log.</summary>
    public byte[] Bytes => _bytes ??= LedgerEntryCodec.Encode(this);

    /// <summary>SHA-256(0x00 ‖ Bytes), the RFC 9162 leaf hash.</summary>
    public byte[] LeafHash() => _leafHash ??= MerkleHash.Leaf(Bytes);
}
