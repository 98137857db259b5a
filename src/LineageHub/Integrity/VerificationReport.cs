using LineageHub.Core.Domain;

namespace LineageHub.Integrity;

/// <summary>One verification as run and recorded: its fact's id, target and outcome, the summary, and whether the outcome changed the target's state.</summary>
public sealed record VerificationReport(Guid Id, string Target, VerificationOutcome Outcome, string Summary, DateTimeOffset CheckedAt)
{
    /// <summary>The outcome of the target's previous verification, null when this is its first.</summary>
    public VerificationOutcome? Previous { get; init; }

    /// <summary>The differences and problems found, one line each.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public bool StateChanged => Previous is { } previous ? previous != Outcome : Outcome != VerificationOutcome.Ok;
}
