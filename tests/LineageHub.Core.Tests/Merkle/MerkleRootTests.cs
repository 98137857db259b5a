using LineageHub.Core.Merkle;

namespace LineageHub.Core.Tests.Merkle;

public sealed class MerkleRootTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(MerkleRoot.ParallelBlock)]
    [InlineData(MerkleRoot.ParallelBlock + 1)]
    [InlineData((2 * MerkleRoot.ParallelBlock) - 1)]
    [InlineData((3 * MerkleRoot.ParallelBlock) + 5)]
    public void ParallelFold_GivesTheTreesRoot_AcrossBlockBoundaries(int size)
    {
        var leaves = new byte[size * MerkleHash.Size];
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            var leaf = MerkleHash.Leaf(BitConverter.GetBytes(i));
            leaf.CopyTo(leaves, i * MerkleHash.Size);
            tree.AppendLeafHash(leaf);
        }
        var sequential = MerkleRoot.Compute(leaves);

        var parallel = MerkleRoot.ComputeParallel(size, new Leaves(leaves));

        Assert.Equal(Convert.ToHexStringLower(tree.RootAt(size)), Convert.ToHexStringLower(parallel));
        Assert.Equal(Convert.ToHexStringLower(sequential), Convert.ToHexStringLower(parallel));
    }

    private readonly struct Leaves(byte[] hashes) : ILeafHashSource
    {
        public void HashLeaf(int index, Span<byte> destination) => hashes.AsSpan(index * MerkleHash.Size, MerkleHash.Size).CopyTo(destination);
    }
}
