using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Subjects;

/// <summary>Checks subject-set proofs against a root alone, as a verifier holding no members does.</summary>
public static class SubjectSetProofs
{
    public static ProofCheck VerifyMembership(Digest root, SubjectMembershipProof proof) =>
        Include(proof.Subject, proof.Index, proof.Count, proof.Path, root);

    public static ProofCheck VerifyAbsence(Digest root, SubjectAbsenceProof proof)
    {
        if (proof.Count == 0)
        {
            return proof.Before is null && proof.After is null && root.Bytes.SequenceEqual(MerkleHash.Empty)
                ? ProofCheck.Valid
                : ProofCheck.Invalid(SubjectMessages.EmptySetHasNoNeighbours);
        }
        if (proof.Before is null && proof.After is null)
        {
            return ProofCheck.Invalid(SubjectMessages.NoNeighbours);
        }
        if (proof.Before is { } before)
        {
            var check = Include(before.Pseudonym, before.Index, proof.Count, before.Path, root);
            if (!check.IsValid)
            {
                return ProofCheck.Invalid(SubjectMessages.NeighbourPath("lower", check.Failure!));
            }
            if (before.Pseudonym >= proof.Subject)
            {
                return ProofCheck.Invalid(SubjectMessages.SubjectNotBetweenNeighbours);
            }
            if (proof.After is null && before.Index != proof.Count - 1)
            {
                return ProofCheck.Invalid(SubjectMessages.LastNeighbourNotEdge);
            }
        }
        if (proof.After is { } after)
        {
            var check = Include(after.Pseudonym, after.Index, proof.Count, after.Path, root);
            if (!check.IsValid)
            {
                return ProofCheck.Invalid(SubjectMessages.NeighbourPath("upper", check.Failure!));
            }
            if (after.Pseudonym <= proof.Subject)
            {
                return ProofCheck.Invalid(SubjectMessages.SubjectNotBetweenNeighbours);
            }
            if (proof.Before is null && after.Index != 0)
            {
                return ProofCheck.Invalid(SubjectMessages.FirstNeighbourNotEdge);
            }
            if (proof.Before is { } lower && lower.Index + 1 != after.Index)
            {
                return ProofCheck.Invalid(SubjectMessages.NeighboursNotAdjacent);
            }
        }
        return ProofCheck.Valid;
    }

    private static ProofCheck Include(SubjectPseudonym member, long index, long count, IReadOnlyList<Digest> path, Digest root)
    {
        if (index < 0 || count <= 0)
        {
            return ProofCheck.Invalid($"leaf {index} of a set of {count} is not a leaf");
        }
        return MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)count, SubjectSet.LeafHash(member), [.. path.Select(p => p.Bytes.ToArray())], root.Bytes);
    }
}
