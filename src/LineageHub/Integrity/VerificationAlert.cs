using LineageHub.Core.Domain;

namespace LineageHub.Integrity;

/// <summary>
/// A change of a target's integrity state (OK to anything else, or back), raised by the check that saw it. Its
/// <see cref="Id"/> is that check's id, so a webhook receiver can drop a redelivery by it.
/// </summary>
public sealed record VerificationAlert(Guid Id, string Target, VerificationOutcome? Previous, VerificationOutcome Outcome, DateTimeOffset CheckedAt, string Summary)
{
    public IReadOnlyList<string> Details { get; init; } = [];

    public static VerificationAlert From(VerificationReport report) =>
        new(report.Id, report.Target, report.Previous, report.Outcome, report.CheckedAt, report.Summary) { Details = report.Details };
}
