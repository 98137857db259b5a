using LineageHub.Core.Hashing;

namespace LineageHub.Core.Subjects;

/// <summary>A member of a subject set next to an absent pseudonym: its leaf index and inclusion path.</summary>
public sealed record SubjectNeighbour(SubjectPseudonym Pseudonym, long Index, IReadOnlyList<Digest> Path);
