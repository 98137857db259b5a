using LineageHub.Core.Hashing;

namespace LineageHub.Core.Merkle;

/// <summary>
/// Every level of an RFC 9162 tree over a fixed set of leaves, built in parallel blocks: what a prover needs
/// for many inclusion paths in one large tree (a sample's subjects in a million-leaf batch). Pairing
/// neighbours level by level and carrying an odd last node up unchanged gives RFC 9162's tree (as
/// <see cref="MerkleRoot"/> notes), so a path is each level's sibling, where there is one, leaf's first.
/// <see cref="MerkleTree"/> builds the same tree one append at a time, on one core.
/// </summary>
public sealed class MerkleLevels
{
    private const int Block = 1 << 12;
    private readonly List<byte[]> _levels = [];

    private MerkleLevels(int count) => Count = count;

    public int Count { get; }

    public Digest Root => Count == 0 ? Digest.FromBytes(MerkleHash.Empty) : Digest.FromBytes(_levels[^1]);

    /// <summary>The levels over <paramref name="count"/> leaves hashed by <paramref name="source"/>, which is called from several threads.</summary>
    public static MerkleLevels Build<TSource>(int count, TSource source)
        where TSource : ILeafHashSource
    {
        Guard.That(count >= 0, "a tree has no negative number of leaves");
        var levels = new MerkleLevels(count);
        if (count == 0)
        {
            return levels;
        }
        var leaves = new byte[checked(count * MerkleHash.Size)];
        Parallel.For(0, (count + Block - 1) / Block, block =>
        {
            var end = Math.Min(count, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                source.HashLeaf(i, leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        });
        levels._levels.Add(leaves);
        for (var size = count; size > 1; size = (size + 1) / 2)
        {
            var below = levels._levels[^1];
            var above = new byte[(size + 1) / 2 * MerkleHash.Size];
            var pairs = size / 2;
            Parallel.For(0, (pairs + Block - 1) / Block, block =>
            {
                var end = Math.Min(pairs, (block + 1) * Block);
                for (var i = block * Block; i < end; i++)
                {
                    MerkleHash.Node(below.AsSpan(2 * i * MerkleHash.Size, MerkleHash.Size), below.AsSpan(((2 * i) + 1) * MerkleHash.Size, MerkleHash.Size), above.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
                }
            });
            if (size % 2 == 1)
            {
                below.AsSpan((size - 1) * MerkleHash.Size, MerkleHash.Size).CopyTo(above.AsSpan(pairs * MerkleHash.Size));
            }
            levels._levels.Add(above);
        }
        return levels;
    }

    /// <summary>The RFC 9162 inclusion path of leaf <paramref name="index"/>, leaf's sibling first.</summary>
    public Digest[] Path(int index)
    {
        Guard.That(index >= 0 && index < Count, "a path is of a leaf of the tree");
        var path = new List<Digest>();
        var size = Count;
        for (var level = 0; level < _levels.Count - 1; level++)
        {
            var sibling = index ^ 1;
            if (sibling < size)
            {
                path.Add(Digest.FromBytes(_levels[level].AsSpan(sibling * MerkleHash.Size, MerkleHash.Size)));
            }
            index >>= 1;
            size = (size + 1) / 2;
        }
        return [.. path];
    }
}
