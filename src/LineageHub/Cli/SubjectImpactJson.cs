namespace LineageHub.Cli;

/// <summary>What <c>consent impact --json</c> prints: where the subject's data is, and where it provably is not.</summary>
public sealed record SubjectImpactJson(string Subject, IReadOnlyList<string> ContainedIn, IReadOnlyList<string> Downstream, IReadOnlyList<string> ModelVersions, IReadOnlyList<SubjectRecordJson> ConsentRecords, IReadOnlyList<SubjectAbsenceJson> AbsentFrom);
