using System.Text;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Tests.Merkle;

/// <summary>The parallel level builder against the append-only tree, which is held to RFC 9162's vectors.</summary>
public sealed class MerkleLevelsTests
{
    private static byte[] Leaf(int i) => MerkleHash.Leaf(Encoding.UTF8.GetBytes($"leaf {i}"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(70)]
    [InlineData(4097)]
    public void RootAndEveryPath_AreThoseOfTheAppendOnlyTree(int count)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < count; i++)
        {
            tree.AppendLeafHash(Leaf(i));
        }

        var levels = MerkleLevels.Build(count, new Leaves());

        Assert.Equal(Digest.FromBytes(tree.RootAt(count)), levels.Root);
        for (var i = 0; i < count; i += Math.Max(1, count / 97))
        {
            Assert.Equal(tree.InclusionProof(i, count).Select(h => Digest.FromBytes(h)), levels.Path(i));
        }
    }

    [Fact]
    public void NoLeaves_HaveTheEmptyTreesRoot()
    {
        Assert.Equal(Digest.FromBytes(MerkleHash.Empty), MerkleLevels.Build(0, new Leaves()).Root);
    }

    private readonly struct Leaves : ILeafHashSource
    {
        public void HashLeaf(int index, Span<byte> destination) => Leaf(index).CopyTo(destination);
    }
}
