using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Ledger;

/// <summary>Proof that the tree of <see cref="ToSize"/> entries extends the tree of <see cref="FromSize"/>: nothing earlier was rewritten.</summary>
public sealed record ConsistencyProof(long FromSize, long ToSize, Digest FromRoot, Digest ToRoot, IReadOnlyList<Digest> Path)
{
    public ProofCheck Verify() => MerkleProofVerifier.VerifyConsistency(
        (ulong)FromSize, (ulong)ToSize, [.. Path.Select(p => p.Bytes.ToArray())], FromRoot.Bytes, ToRoot.Bytes);
}
