using System.Security.Cryptography;
using LineageHub.Core.Merkle;

namespace LineageHub.Connectors.Datasets.Tests.Format;

public sealed class MerkleRootTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Compute_AgreesWithTheLedgersMerkleTree(int leaves)
    {
        var tree = new MerkleTree();
        var hashes = new byte[leaves * 32];
        for (var i = 0; i < leaves; i++)
        {
            var leaf = MerkleHash.Leaf(BitConverter.GetBytes(i));
            leaf.CopyTo(hashes, i * 32);
            tree.AppendLeafHash(leaf);
        }

        Assert.Equal(tree.RootAt(leaves), MerkleRoot.Compute(hashes));
        for (var i = 0; i < leaves; i += Math.Max(1, leaves / 5))
        {
            Assert.Equal(tree.InclusionProof(i, leaves), MerkleRoot.InclusionPath(hashes, i));
        }
    }

    [Fact]
    public void Compute_OfNothing_IsTheEmptyTreeHash() =>
        Assert.Equal(SHA256.HashData([]), MerkleRoot.Compute([]));
}
