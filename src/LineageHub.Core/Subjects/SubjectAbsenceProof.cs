namespace LineageHub.Core.Subjects;

/// <summary>
/// Proof that <see cref="Subject"/> is not in a subject set of <see cref="Count"/> members: the adjacent
/// members <see cref="Before"/> and <see cref="After"/> that bracket it, or one of them alone when the
/// subject sorts before the first member or after the last; neither for the empty set.
/// </summary>
public sealed record SubjectAbsenceProof(SubjectPseudonym Subject, long Count, SubjectNeighbour? Before, SubjectNeighbour? After);
