using System.Buffers;
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
    /// <summary>Leaves per independently folded block of <see cref="ComputeParallel{TSource}"/>: a power of two.</summary>
    public const int ParallelBlock = 1 << 14;

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
        return ComputeInPlace(level);
    }

    /// <summary>
    /// MTH over <paramref name="leafHashes"/>, overwriting them with the inner levels as it climbs: for callers
    /// that own a pooled buffer and do not need the leaves afterwards (no copy, no allocation but the root).
    /// </summary>
    public static byte[] ComputeInPlace(Span<byte> leafHashes)
    {
        Guard.That(leafHashes.Length % MerkleHash.Size == 0, "leaf hashes are 32 bytes each");
        var n = leafHashes.Length / MerkleHash.Size;
        if (n == 0)
        {
            return MerkleHash.Empty.ToArray();
        }
        var level = leafHashes;
        while (n > 1)
        {
            var pairs = n / 2;
            for (var i = 0; i < pairs; i++)
            {
                Node(level.Slice(2 * i * MerkleHash.Size, 2 * MerkleHash.Size), level.Slice(i * MerkleHash.Size, MerkleHash.Size));
            }
            if (n % 2 == 1)
            {
                level.Slice((n - 1) * MerkleHash.Size, MerkleHash.Size).CopyTo(level[(pairs * MerkleHash.Size)..]);
            }
            n = pairs + (n % 2);
        }
        return level[..MerkleHash.Size].ToArray();
    }

    /// <summary>
    /// MTH over <paramref name="count"/> leaves hashed by <paramref name="source"/>, in parallel: every aligned
    /// block of <see cref="ParallelBlock"/> leaves (and the short last one) is a subtree of the RFC 9162 tree, so
    /// each block is hashed into a pooled buffer and folded on its own, and the block roots fold the same way
    /// on top. No array of all the leaves is made: a block's half megabyte stays in cache while it folds.
    /// </summary>
    public static byte[] ComputeParallel<TSource>(int count, TSource source)
        where TSource : ILeafHashSource
    {
        Guard.That(count >= 0, "a tree has no fewer than zero leaves");
        if (count == 0)
        {
            return MerkleHash.Empty.ToArray();
        }
        var blocks = (count + ParallelBlock - 1) / ParallelBlock;
        var roots = new byte[blocks * MerkleHash.Size];
        Parallel.For(0, blocks, block =>
        {
            var start = block * ParallelBlock;
            var leaves = Math.Min(ParallelBlock, count - start);
            var buffer = ArrayPool<byte>.Shared.Rent(leaves * MerkleHash.Size);
            try
            {
                for (var i = 0; i < leaves; i++)
                {
                    source.HashLeaf(start + i, buffer.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
                }
                ComputeInPlace(buffer.AsSpan(0, leaves * MerkleHash.Size)).CopyTo(roots.AsSpan(block * MerkleHash.Size));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        return ComputeInPlace(roots);
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
        Span<byte> message = stackalloc byte[1 + (2 * MerkleHash.Size)];
        message[0] = 0x01;
        children.CopyTo(message[1..]);
        SmallSha256.Hash(message, default, default, destination);
    }
}
