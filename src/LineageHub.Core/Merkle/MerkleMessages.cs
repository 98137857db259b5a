namespace LineageHub.Core.Merkle;

/// <summary>Why a Merkle proof was rejected; tests assert on these same texts.</summary>
public static class MerkleMessages
{
    public const string HashSize = "every hash must be 32 bytes";
    public const string LeafIndexOutOfRange = "leaf index is not below the tree size";
    public const string ProofTooLong = "the proof has more hashes than the tree has levels";
    public const string ProofTooShort = "the proof ended before reaching the root";
    public const string RootMismatch = "the recomputed root does not match the given root";
    public const string FirstRootMismatch = "the recomputed first root does not match the given first root";
    public const string SizesOutOfOrder = "the first tree size is larger than the second";
    public const string EmptyFirstTree = "a consistency proof needs a first tree with at least one leaf (RFC 9162 §2.1.4)";
    public const string EqualSizesNeedEmptyProof = "equal tree sizes need an empty proof";
    public const string EmptyProof = "the consistency proof is empty";
    public const string InvalidSubtree = "[start, end) is not a subtree: start must be a multiple of the smallest power of two ≥ end − start";
    public const string SubtreeOutsideTree = "the subtree ends beyond the tree";
}
