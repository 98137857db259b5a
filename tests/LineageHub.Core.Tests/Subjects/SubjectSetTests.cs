using System.Security.Cryptography;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Tests.Subjects;

public sealed class SubjectSetTests
{
    private static SubjectPseudonym P(int i) => SubjectPseudonym.Read(SHA256.HashData(BitConverter.GetBytes(i)));

    private static SubjectSet SetOf(int count) => SubjectSet.Of(Enumerable.Range(0, count).Select(P));

    [Fact]
    public void Of_SortsAndCollapsesRepeats()
    {
        var set = SubjectSet.Of([P(3), P(1), P(2), P(1)]);

        Assert.Equal(3, set.Count);
        Assert.True(set.Members[0] < set.Members[1] && set.Members[1] < set.Members[2]);
    }

    [Fact]
    public void Root_IsTheRfc9162RootOfTheSortedPseudonymBytes()
    {
        var set = SetOf(5);
        var tree = new MerkleTree();
        foreach (var member in set.Members.ToArray())
        {
            tree.AppendLeafHash(MerkleHash.Leaf(member.ToBytes()));
        }

        Assert.Equal(Convert.ToHexStringLower(tree.RootAt(5)), set.Root.ToString());
    }

    [Fact]
    public void Root_OfTheEmptySet_IsTheEmptyTreeHash() =>
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), SubjectSet.Of([]).Root.ToString());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void ProveMembership_EveryMember_Verifies(int count)
    {
        var set = SetOf(count);
        foreach (var member in set.Members.ToArray())
        {
            var proof = set.ProveMembership(member)!;
            Assert.True(SubjectSetProofs.VerifyMembership(set.Root, proof).IsValid);
        }
    }

    [Fact]
    public void ProveMembership_OfAnAbsentSubject_IsNull() => Assert.Null(SetOf(10).ProveMembership(P(99)));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void ProveAbsence_BelowBetweenAndAboveTheMembers_Verifies(int count)
    {
        var set = SetOf(count);
        var outsiders = Enumerable.Range(10_000, 200).Select(P).ToArray();
        var sawBelow = false;
        var sawAbove = false;
        foreach (var outsider in outsiders.Append(new SubjectPseudonym(0, 0, 0, 0)).Append(new SubjectPseudonym(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue)))
        {
            var proof = set.ProveAbsence(outsider)!;
            sawBelow |= proof.Before is null;
            sawAbove |= proof.After is null;
            Assert.True(SubjectSetProofs.VerifyAbsence(set.Root, proof).IsValid, outsider.ToString());
        }
        Assert.True(sawBelow && sawAbove);
    }

    [Fact]
    public void ProveAbsence_OfAMember_IsNull() => Assert.Null(SetOf(10).ProveAbsence(P(4)));

    [Fact]
    public void VerifyAbsence_OfAMemberDressedAsAbsent_Fails()
    {
        // A dishonest prover claims member k is absent by showing its neighbours k-1 and k+1.
        var set = SetOf(50);
        var member = set.Members[20];
        var honest = set.ProveAbsence(new SubjectPseudonym(member.W0, member.W1, member.W2, member.W3 + 1))!;
        var before = new SubjectNeighbour(set.Members[19], 19, set.ProveMembership(set.Members[19])!.Path);
        var forged = honest with { Subject = member, Before = before };

        Assert.False(SubjectSetProofs.VerifyAbsence(set.Root, forged).IsValid);
    }

    [Fact]
    public void VerifyAbsence_WithANeighbourSkippingAMember_Fails()
    {
        var set = SetOf(50);
        var absent = Enumerable.Range(10_000, 100).Select(P).First(p => set.ProveAbsence(p) is { Before: not null, After: { Index: < 48 } });
        var proof = set.ProveAbsence(absent)!;
        var skip = (int)proof.After!.Index + 1;
        var forged = proof with { After = new SubjectNeighbour(set.Members[skip], skip, set.ProveMembership(set.Members[skip])!.Path) };

        var check = SubjectSetProofs.VerifyAbsence(set.Root, forged);

        Assert.False(check.IsValid);
        Assert.Equal(SubjectMessages.NeighboursNotAdjacent, check.Failure);
    }

    [Fact]
    public void VerifyAbsence_AgainstAnotherRoot_Fails()
    {
        var set = SetOf(50);
        var proof = set.ProveAbsence(P(777))!;

        Assert.False(SubjectSetProofs.VerifyAbsence(SetOf(51).Root, proof).IsValid);
    }

    [Fact]
    public void VerifyAbsence_OfTheEmptySet_NeedsTheEmptyRoot()
    {
        var proof = SubjectSet.Of([]).ProveAbsence(P(1))!;

        Assert.True(SubjectSetProofs.VerifyAbsence(SubjectSet.Of([]).Root, proof).IsValid);
        Assert.False(SubjectSetProofs.VerifyAbsence(Digest.Of([1]), proof).IsValid);
    }

    [Fact]
    public void FromSortedBytes_RoundTripsAndRefusesDisorder()
    {
        var set = SetOf(20);
        var bytes = set.ToBytes();

        Assert.Equal(set.Root, SubjectSet.FromSortedBytes(bytes).Root);
        (bytes[0], bytes[32]) = (bytes[32], bytes[0]);
        Assert.Throws<LineageHubException>(() => SubjectSet.FromSortedBytes(bytes));
        Assert.Throws<LineageHubException>(() => SubjectSet.FromSortedBytes(new byte[33]));
    }
}
