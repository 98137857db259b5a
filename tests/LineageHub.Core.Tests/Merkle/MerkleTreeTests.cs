using System.Text;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Tests.Merkle;

public sealed class MerkleTreeTests
{
    [Fact]
    public void Root_OfEmptyTree_IsSha256OfNothing()
    {
        var tree = new MerkleTree();
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(tree.RootAt(0)));
    }

    [Fact]
    public void Root_MatchesTheRecursiveDefinition_ForEverySizeUpTo70()
    {
        var tree = new MerkleTree();
        var leaves = new List<byte[]>();
        for (var i = 0; i < 70; i++)
        {
            var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes($"leaf {i}"));
            leaves.Add(leaf);
            tree.AppendLeafHash(leaf);
            Assert.Equal(Reference(leaves, 0, leaves.Count), tree.RootAt(leaves.Count));
        }
        // Earlier sizes stay answerable after later appends.
        for (var size = 1; size <= 70; size++)
        {
            Assert.Equal(Reference(leaves, 0, size), tree.RootAt(size));
        }
    }

    [Fact]
    public void ProofsTheTreeGenerates_AreAcceptedByTheVerifier_AndRejectedWhenTampered()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < 41; i++)
        {
            tree.AppendLeafHash(MerkleHash.Leaf([(byte)i]));
        }
        for (long size = 1; size <= 41; size++)
        {
            var root = tree.RootAt(size);
            for (long leaf = 0; leaf < size; leaf++)
            {
                var proof = tree.InclusionProof(leaf, size);
                Assert.True(MerkleProofVerifier.VerifyInclusion((ulong)leaf, (ulong)size, tree.LeafHash(leaf), proof, root).IsValid);
                Assert.False(MerkleProofVerifier.VerifyInclusion((ulong)leaf, (ulong)size, MerkleHash.Leaf([0xFF]), proof, root).IsValid);
            }
            for (long first = 1; first <= size; first++)
            {
                var proof = tree.ConsistencyProof(first, size);
                Assert.True(MerkleProofVerifier.VerifyConsistency((ulong)first, (ulong)size, proof, tree.RootAt(first), root).IsValid, $"{first}->{size}");
                if (proof.Count > 0)
                {
                    var tampered = proof.Select(h => (byte[])h.Clone()).ToArray();
                    tampered[^1][0] ^= 1;
                    Assert.False(MerkleProofVerifier.VerifyConsistency((ulong)first, (ulong)size, tampered, tree.RootAt(first), root).IsValid);
                }
            }
        }
    }

    // MTH straight from RFC 9162 §2.1.1, to check the level cache against.
    private static byte[] Reference(List<byte[]> leaves, int start, int end)
    {
        var n = end - start;
        if (n == 1)
        {
            return leaves[start];
        }
        var k = (int)MerkleHash.SplitPoint((ulong)n);
        return MerkleHash.Node(Reference(leaves, start, start + k), Reference(leaves, start + k, end));
    }
}
