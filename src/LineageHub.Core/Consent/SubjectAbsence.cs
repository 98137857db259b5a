using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>A dataset version a subject is provably not in: its subject set's root and the non-membership proof against it.</summary>
public sealed record SubjectAbsence(NodeKey DatasetVersion, Digest Root, SubjectAbsenceProof Proof);
