using LineageHub.Core.Hashing;

namespace LineageHub.Core.Subjects;

/// <summary>Proof that <see cref="Subject"/> is leaf <see cref="Index"/> of a subject set of <see cref="Count"/> members.</summary>
public sealed record SubjectMembershipProof(SubjectPseudonym Subject, long Index, long Count, IReadOnlyList<Digest> Path);
