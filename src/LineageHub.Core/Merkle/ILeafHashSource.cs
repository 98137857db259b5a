namespace LineageHub.Core.Merkle;

/// <summary>
/// The leaves of a tree that <see cref="MerkleRoot.ComputeParallel{TSource}"/> folds to its root or
/// <see cref="MerkleLevels.Build{TSource}"/> keeps for proofs: hashes leaf <c>index</c> into 32 bytes, from
/// several threads. Implemented by structs, so the call inlines into the loops.
/// </summary>
public interface ILeafHashSource
{
    void HashLeaf(int index, Span<byte> destination);
}
