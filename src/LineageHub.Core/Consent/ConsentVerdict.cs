namespace LineageHub.Core.Consent;

/// <summary>
/// The answer to "was this model version trained only on data with a valid basis for the purpose": <see
/// cref="Outcome"/> is <c>pass</c>, <c>fail</c> (see <see cref="Violations"/>) or <c>cannot_prove</c> (see
/// <see cref="MissingSubjectSets"/> and <see cref="Problems"/>) — an incomplete lineage never passes.
/// </summary>
public sealed record ConsentVerdict(
    string Outcome,
    string ModelVersion,
    string Purpose,
    DateTimeOffset? DecisionTime,
    long SubjectsChecked,
    IReadOnlyList<SourceVerdict> Sources,
    IReadOnlyList<string> MissingSubjectSets,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ConsentViolation> Violations)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string CannotProve = "cannot_prove";
}
