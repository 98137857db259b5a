using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Subjects;

/// <summary>
/// The subjects whose data a dataset version holds, as keyed pseudonyms sorted ascending without repeats
/// (schema/consent.md, "Subject sets"). Leaf <c>i</c> of its RFC 9162 tree is the <c>i</c>-th pseudonym's
/// 32 bytes; sorting is what makes absence provable: an absent pseudonym falls between two adjacent leaves.
/// </summary>
public sealed class SubjectSet
{
    private readonly SubjectPseudonym[] _members;
    private Digest? _root;
    private MerkleLevels? _levels;

    private SubjectSet(SubjectPseudonym[] sortedMembers) => _members = sortedMembers;

    public int Count => _members.Length;

    public ReadOnlySpan<SubjectPseudonym> Members => _members;

    /// <summary>The Merkle root over the sorted members (the empty tree's hash for no members).</summary>
    public Digest Root => _root ??= Digest.FromBytes(MerkleRoot.ComputeParallel(Count, new MemberLeaves(_members)));

    /// <summary>A set of the given pseudonyms in any order; repeats collapse.</summary>
    public static SubjectSet Of(IEnumerable<SubjectPseudonym> pseudonyms)
    {
        var members = pseudonyms.ToArray();
        Array.Sort(members);
        var distinct = 0;
        for (var i = 0; i < members.Length; i++)
        {
            if (distinct == 0 || members[i] != members[distinct - 1])
            {
                members[distinct++] = members[i];
            }
        }
        Array.Resize(ref members, distinct);
        return new SubjectSet(members);
    }

    /// <summary>Reads the stored form, 32 bytes per member; refuses members out of order, as a verifier must.</summary>
    public static SubjectSet FromSortedBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % SubjectPseudonym.Size != 0)
        {
            throw LineageHubException.InvalidInput(SubjectMessages.MembersLength(bytes.Length));
        }
        var members = new SubjectPseudonym[bytes.Length / SubjectPseudonym.Size];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = SubjectPseudonym.Read(bytes[(i * SubjectPseudonym.Size)..]);
            if (i > 0 && members[i] <= members[i - 1])
            {
                throw LineageHubException.InvalidInput(SubjectMessages.MembersNotSorted(i));
            }
        }
        return new SubjectSet(members);
    }

    /// <summary>The stored form: the members' bytes, concatenated in order.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_members.Length * SubjectPseudonym.Size];
        for (var i = 0; i < _members.Length; i++)
        {
            _members[i].WriteTo(bytes.AsSpan(i * SubjectPseudonym.Size));
        }
        return bytes;
    }

    public bool Contains(SubjectPseudonym subject) => Array.BinarySearch(_members, subject) >= 0;

    /// <summary>The RFC 9162 leaf hash of a member: SHA-256(0x00 ‖ pseudonym).</summary>
    public static byte[] LeafHash(SubjectPseudonym member)
    {
        var hash = new byte[MerkleHash.Size];
        LeafHash(member, hash);
        return hash;
    }

    private static void LeafHash(SubjectPseudonym member, Span<byte> destination)
    {
        ReadOnlySpan<byte> prefix = [0x00];
        Span<byte> bytes = stackalloc byte[SubjectPseudonym.Size];
        member.WriteTo(bytes);
        SmallSha256.Hash(prefix, bytes, default, destination);
    }

    /// <summary>Proof that <paramref name="subject"/> is leaf <c>i</c>; null when it is not a member.</summary>
    public SubjectMembershipProof? ProveMembership(SubjectPseudonym subject)
    {
        var index = Array.BinarySearch(_members, subject);
        return index < 0 ? null : new SubjectMembershipProof(subject, index, Count, Path(index));
    }

    /// <summary>Proof that <paramref name="subject"/> is not a member: its neighbours below and above; null when it is a member.</summary>
    public SubjectAbsenceProof? ProveAbsence(SubjectPseudonym subject)
    {
        var index = Array.BinarySearch(_members, subject);
        if (index >= 0)
        {
            return null;
        }
        var above = ~index;
        var before = above > 0 ? Neighbour(above - 1) : null;
        var after = above < Count ? Neighbour(above) : null;
        return new SubjectAbsenceProof(subject, Count, before, after);
    }

    private SubjectNeighbour Neighbour(int index) => new(_members[index], index, Path(index));

    // Proofs need every inner node, built once for all of them (a sample proves thousands of members); the
    // root alone (what reading and verifying need) does not keep the levels.
    private Digest[] Path(int index) => (_levels ??= MerkleLevels.Build(Count, new MemberLeaves(_members))).Path(index);

    private readonly struct MemberLeaves(SubjectPseudonym[] members) : ILeafHashSource
    {
        public void HashLeaf(int index, Span<byte> destination) => LeafHash(members[index], destination);
    }
}
