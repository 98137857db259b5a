using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Ledger;

/// <summary>Proof that ledger entry <see cref="Seq"/> (whose leaf hash is given) is in the tree of <see cref="TreeSize"/> entries with <see cref="Root"/>.</summary>
public sealed record InclusionProof(long Seq, long TreeSize, Digest LeafHash, Digest Root, IReadOnlyList<Digest> Path)
{
    public ProofCheck Verify() => MerkleProofVerifier.VerifyInclusion(
        (ulong)Seq, (ulong)TreeSize, LeafHash.Bytes, [.. Path.Select(p => p.Bytes.ToArray())], Root.Bytes);
}
