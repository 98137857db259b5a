using System.Numerics;

namespace LineageHub.Core.Merkle;

public static partial class MerkleProofVerifier
{
    /// <summary>
    /// Verifies that the subtree [start, end), whose hash is <paramref name="subtreeHash"/>, sits at
    /// those positions in the tree of <paramref name="treeSize"/> leaves with <paramref name="root"/>
    /// (the subtree consistency proofs of the Merkle Tree Certificates draft). It is RFC 9162 §2.1.4.2
    /// generalised: a sibling on the left folds into the subtree's hash only below the subtree's own
    /// height — above it, the sibling lies outside the subtree and folds into the root alone.
    /// </summary>
    public static ProofCheck VerifySubtreeConsistency(ulong start, ulong end, ulong treeSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash, ReadOnlySpan<byte> root)
    {
        if (start == end && end <= treeSize)
        {
            // The empty subtree sits in every tree; its hash is the empty tree's and it needs no proof.
            return proof.Count == 0 && subtreeHash.SequenceEqual(MerkleHash.Empty) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.EqualSizesNeedEmptyProof);
        }
        if (!IsValidSubtree(start, end))
        {
            return ProofCheck.Invalid(MerkleMessages.InvalidSubtree);
        }
        if (end > treeSize)
        {
            return ProofCheck.Invalid(MerkleMessages.SubtreeOutsideTree);
        }
        if (start == 0 && end == treeSize)
        {
            // The whole tree: as RFC 9162's equal sizes, the two hashes are compared as given.
            if (proof.Count != 0)
            {
                return ProofCheck.Invalid(MerkleMessages.EqualSizesNeedEmptyProof);
            }
            return subtreeHash.SequenceEqual(root) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.RootMismatch);
        }
        if (subtreeHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return ProofCheck.Invalid(MerkleMessages.HashSize);
        }
        var size = end - start;
        var height = BitOperations.Log2(BitOperations.RoundUpToPowerOf2(size));
        ulong fn;
        ulong sn;
        var level = 0;
        byte[] fr;
        byte[] sr;
        var next = 0;
        if (BitOperations.IsPow2(size) || end == treeSize)
        {
            // The subtree is a node of the tree: climb from it, as RFC 9162 does when size1 is a power of two.
            fn = start >> height;
            sn = (treeSize - 1) >> height;
            level = height;
            fr = subtreeHash.ToArray();
            sr = subtreeHash.ToArray();
        }
        else
        {
            if (proof.Count == 0)
            {
                return ProofCheck.Invalid(MerkleMessages.EmptyProof);
            }
            fn = end - 1;
            sn = treeSize - 1;
            while ((fn & 1) == 1)
            {
                fn >>= 1;
                sn >>= 1;
                level++;
            }
            fr = proof[0];
            sr = proof[0];
            next = 1;
        }
        for (var i = next; i < proof.Count; i++)
        {
            if (sn == 0)
            {
                return ProofCheck.Invalid(MerkleMessages.ProofTooLong);
            }
            var c = proof[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                // c is a left sibling at the first level where this node is a right child.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                    level++;
                }
                if (level < height)
                {
                    fr = MerkleHash.Node(c, fr);
                }
                sr = MerkleHash.Node(c, sr);
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
            level++;
        }
        if (sn != 0)
        {
            return ProofCheck.Invalid(MerkleMessages.ProofTooShort);
        }
        if (!fr.AsSpan().SequenceEqual(subtreeHash))
        {
            return ProofCheck.Invalid(MerkleMessages.FirstRootMismatch);
        }
        return sr.AsSpan().SequenceEqual(root) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.RootMismatch);
    }
}
