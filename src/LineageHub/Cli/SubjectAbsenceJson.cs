using LineageHub.Core.Subjects;

namespace LineageHub.Cli;

/// <summary>A non-membership proof of the subject in one dataset version's subject set (schema/consent.md).</summary>
public sealed record SubjectAbsenceJson(string DatasetVersion, string Root, SubjectAbsenceProof Proof);
