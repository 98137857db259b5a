namespace LineageHub.Core.Merkle;

/// <summary>
/// The leaves of a tree whose root <see cref="MerkleRoot.ComputeParallel{TSource}"/> folds: hashes leaf
/// <c>index</c> into 32 bytes. Implemented by structs, so the call inlines into the fold's loop.
/// </summary>
public interface ILeafHashSource
{
    void HashLeaf(int index, Span<byte> destination);
}
