using System.Numerics;

namespace LineageHub.Core.Merkle;

/// <summary>
/// An append-only RFC 9162 Merkle tree over leaf hashes. It keeps every complete, aligned subtree's
/// hash (level k holds the roots of leaves [i·2^k, (i+1)·2^k)), so appending costs O(1) amortised and
/// the root of any earlier size, an inclusion proof or a consistency proof costs O(log n) hashes.
/// Not thread-safe: its owner serialises appends and reads.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<HashColumn> _levels = [new HashColumn()];

    /// <summary>The number of leaves.</summary>
    public long Size => _levels[0].Count;

    /// <summary>Appends a leaf by its hash (already <see cref="MerkleHash.Leaf(ReadOnlySpan{byte})"/>-ed).</summary>
    public void AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        Guard.That(leafHash.Length == MerkleHash.Size, "a leaf hash has 32 bytes");
        _levels[0].Add(leafHash);
        Span<byte> parent = stackalloc byte[MerkleHash.Size];
        for (var level = 0; _levels[level].Count % 2 == 0; level++)
        {
            var column = _levels[level];
            MerkleHash.Node(column[column.Count - 2], column[column.Count - 1], parent);
            if (_levels.Count == level + 1)
            {
                _levels.Add(new HashColumn());
            }
            _levels[level + 1].Add(parent);
        }
    }

    /// <summary>Forgets every leaf from <paramref name="size"/> on: how a writer undoes appends whose transaction failed.</summary>
    public void TruncateTo(long size)
    {
        CheckSize(size);
        for (var level = 0; level < _levels.Count; level++)
        {
            _levels[level].Truncate(size >> level);
        }
    }

    /// <summary>The hash of leaf <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        CheckSize(index + 1);
        return _levels[0][index].ToArray();
    }

    /// <summary>MTH(D[0:size]): the root of the tree as it was with <paramref name="size"/> leaves.</summary>
    public byte[] RootAt(long size)
    {
        CheckSize(size);
        return size == 0 ? MerkleHash.Empty.ToArray() : SubtreeHash(0, size);
    }

    /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[0:size]), ordered from the leaf's sibling up to the root.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long leafIndex, long size)
    {
        CheckSize(size);
        if (leafIndex < 0 || leafIndex >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), $"leaf {leafIndex} is not in a tree of {size}");
        }
        var proof = new List<byte[]>();
        Path(leafIndex, 0, size, proof);
        return proof;
    }

    /// <summary>RFC 9162 §2.1.4.1 PROOF(size1, D[0:size2]) for 0 &lt; size1 ≤ size2.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long size1, long size2)
    {
        CheckSize(size2);
        if (size1 <= 0 || size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), $"a consistency proof needs 0 < first ≤ second, got {size1} and {size2}");
        }
        var proof = new List<byte[]>();
        if (size1 < size2)
        {
            SubProof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    // PATH(m, D[start:end]); the sibling is appended after the sub-path, so the list runs leaf to root.
    private void Path(long m, long start, long end, List<byte[]> proof)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }
        var k = (long)MerkleHash.SplitPoint((ulong)n);
        if (m < k)
        {
            Path(m, start, start + k, proof);
            proof.Add(SubtreeHash(start + k, end));
        }
        else
        {
            Path(m - k, start + k, end, proof);
            proof.Add(SubtreeHash(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1.
    private void SubProof(long m, long start, long end, bool wholeOldTree, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!wholeOldTree)
            {
                proof.Add(SubtreeHash(start, end));
            }
            return;
        }
        var k = (long)MerkleHash.SplitPoint((ulong)n);
        if (m <= k)
        {
            SubProof(m, start, start + k, wholeOldTree, proof);
            proof.Add(SubtreeHash(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(SubtreeHash(start, start + k));
        }
    }

    // MTH(D[start:end]) where start is aligned as RFC 9162's splits always leave it: a complete
    // aligned subtree is read from its level; anything else splits at the largest power of two.
    private byte[] SubtreeHash(long start, long end)
    {
        var n = end - start;
        if (BitOperations.IsPow2(n))
        {
            var level = BitOperations.Log2((ulong)n);
            if (start % n == 0 && level < _levels.Count && (start >> level) < _levels[level].Count)
            {
                return _levels[level][start >> level].ToArray();
            }
        }
        var k = (long)MerkleHash.SplitPoint((ulong)n);
        return MerkleHash.Node(SubtreeHash(start, start + k), SubtreeHash(start + k, end));
    }

    private void CheckSize(long size)
    {
        if (size < 0 || size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"the tree has {Size} leaves, asked for {size}");
        }
    }
}
