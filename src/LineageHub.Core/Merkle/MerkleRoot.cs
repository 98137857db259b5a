using LineageHub.Core.Hashing;

namespace LineageHub.Core.Merkle;

/// <summary>
/// RFC 9162 tree hashes over a contiguous run of leaf hashes (32 bytes each), without building a
/// <see cref="MerkleTree"/>: what a snapshot needs for a chunk of rows or a file's chunks.
/// Pairing neighbours level by level and carrying an odd last node up unchanged gives exactly
/// RFC 9162's MTH (split at the largest power of two below n).
/// </summary>
public static class MerkleRoot
{
    /// <summary>MTH over <paramref name="leafHashes"/> (a multiple of 32 bytes); the empty tree's hash when empty.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> leafHashes)
    {
        Guard.That(leafHashes.Length % MerkleHash.Size == 0, "leaf hashes are 32 bytes each");
        var n = leafHashes.Length / MerkleHash.Size;
        if (n == 0)
        {
            return MerkleHash.Empty.ToArray();
        }
        var level = leafHashes.ToArray();
        while (n > 1)
        {
            var pairs = n / 2;
            for (var i = 0; i < pairs; i++)
            {
                Node(level.AsSpan(2 * i * MerkleHash.Size, 2 * MerkleHash.Size), level.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
            if (n % 2 == 1)
            {
                level.AsSpan((n - 1) * MerkleHash.Size, MerkleHash.Size).CopyTo(level.AsSpan(pairs * MerkleHash.Size));
            }
            n = pairs + (n % 2);
        }
        return level[..MerkleHash.Size];
    }

    /// <summary>RFC 9162 §2.1.3.1 PATH(index, D[0:n]) over the given leaf hashes, from the leaf's sibling up.</summary>
    public static IReadOnlyList<byte[]> InclusionPath(ReadOnlySpan<byte> leafHashes, long index)
    {
        var n = leafHashes.Length / MerkleHash.Size;
        Guard.That(index >= 0 && index < n, "the proven leaf is in the tree");
        var path = new List<byte[]>();
        Path(leafHashes, index, path);
        return path;
    }

    private static void Path(ReadOnlySpan<byte> leaves, long m, List<byte[]> path)
    {
        var n = leaves.Length / MerkleHash.Size;
        if (n == 1)
        {
            return;
        }
        var k = (int)MerkleHash.SplitPoint((ulong)n);
        var left = leaves[..(k * MerkleHash.Size)];
        var right = leaves[(k * MerkleHash.Size)..];
        if (m < k)
        {
            Path(left, m, path);
            path.Add(Compute(right));
        }
        else
        {
            Path(right, m - k, path);
            path.Add(Compute(left));
        }
    }

    // 0x01 ‖ left ‖ right, hashed in place: the two children are the 64 bytes read.
    private static void Node(ReadOnlySpan<byte> children, Span<byte> destination)
    {
        ReadOnlySpan<byte> prefix = [0x01];
        SmallSha256.Hash(prefix, children, default, destination);
    }
}
