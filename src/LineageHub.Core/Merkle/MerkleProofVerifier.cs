using System.Numerics;

namespace LineageHub.Core.Merkle;

/// <summary>
/// Checks RFC 9162 inclusion and consistency proofs without the tree: what a verifier who trusts
/// nothing but a signed root runs. Sizes are unsigned 64-bit, as the RFC's are.
/// </summary>
public static partial class MerkleProofVerifier
{
    /// <summary>RFC 9162 §2.1.3.2: verifies that <paramref name="leafHash"/> is leaf <paramref name="leafIndex"/> of the tree with <paramref name="root"/>.</summary>
    public static ProofCheck VerifyInclusion(ulong leafIndex, ulong treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return ProofCheck.Invalid(MerkleMessages.HashSize);
        }
        var computed = RootFromInclusionProof(leafIndex, treeSize, leafHash, proof, out var failure);
        if (computed is null)
        {
            return ProofCheck.Invalid(failure!);
        }
        return computed.AsSpan().SequenceEqual(root) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.RootMismatch);
    }

    /// <summary>RFC 9162 §2.1.4.2: verifies that the tree of <paramref name="size2"/> leaves extends the tree of <paramref name="size1"/> leaves.</summary>
    public static ProofCheck VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (size1 > size2)
        {
            return ProofCheck.Invalid(MerkleMessages.SizesOutOfOrder);
        }
        if (size1 == 0)
        {
            return ProofCheck.Invalid(MerkleMessages.EmptyFirstTree);
        }
        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return ProofCheck.Invalid(MerkleMessages.EqualSizesNeedEmptyProof);
            }
            return root1.SequenceEqual(root2) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.RootMismatch);
        }
        if (proof.Count == 0)
        {
            return ProofCheck.Invalid(MerkleMessages.EmptyProof);
        }
        // Checked only here: equal sizes compare the roots as given, whatever their length.
        if (root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return ProofCheck.Invalid(MerkleMessages.HashSize);
        }

        // Step 2: when size1 is a power of two its root is a node of the second tree and the proof omits it.
        var path = BitOperations.IsPow2(size1) ? [root1.ToArray(), .. proof] : proof.ToArray();
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Length; i++)
        {
            if (sn == 0)
            {
                return ProofCheck.Invalid(MerkleMessages.ProofTooLong);
            }
            var c = path[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return ProofCheck.Invalid(MerkleMessages.ProofTooShort);
        }
        if (!fr.AsSpan().SequenceEqual(root1))
        {
            return ProofCheck.Invalid(MerkleMessages.FirstRootMismatch);
        }
        return sr.AsSpan().SequenceEqual(root2) ? ProofCheck.Valid : ProofCheck.Invalid(MerkleMessages.RootMismatch);
    }

    /// <summary>
    /// Inclusion of a leaf in a subtree [start, end) whose hash is <paramref name="subtreeRoot"/>
    /// (the subtree proofs of the Merkle Tree Certificates draft, §4.3): an RFC 9162 inclusion proof
    /// of leaf <c>index − start</c> in a tree of <c>end − start</c> leaves, once the interval is a valid subtree.
    /// </summary>
    public static ProofCheck VerifySubtreeInclusion(ulong leafIndex, ulong start, ulong end, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeRoot)
    {
        if (!IsValidSubtree(start, end))
        {
            return ProofCheck.Invalid(MerkleMessages.InvalidSubtree);
        }
        if (leafIndex < start || leafIndex >= end)
        {
            return ProofCheck.Invalid(MerkleMessages.LeafIndexOutOfRange);
        }
        return VerifyInclusion(leafIndex - start, end - start, leafHash, proof, subtreeRoot);
    }

    /// <summary>A subtree is [start, end) with start &lt; end and start a multiple of BIT_CEIL(end − start).</summary>
    public static bool IsValidSubtree(ulong start, ulong end)
    {
        if (start >= end)
        {
            return false;
        }
        var size = end - start;
        if (size > 1UL << 63)
        {
            // BIT_CEIL would not fit in 64 bits; only start = 0 is a multiple of 2^64.
            return start == 0;
        }
        return start % BitOperations.RoundUpToPowerOf2(size) == 0;
    }

    /// <summary>The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null with the reason; snapshot proofs fold their row paths with it too.</summary>
    internal static byte[]? RootFromInclusionProof(ulong leafIndex, ulong treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, out string? failure)
    {
        failure = null;
        if (leafIndex >= treeSize)
        {
            failure = MerkleMessages.LeafIndexOutOfRange;
            return null;
        }
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                failure = MerkleMessages.ProofTooLong;
                return null;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            failure = MerkleMessages.ProofTooShort;
            return null;
        }
        return r;
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var hash in proof)
        {
            if (hash is null || hash.Length != MerkleHash.Size)
            {
                return false;
            }
        }
        return true;
    }
}
