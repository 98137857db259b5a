using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>An input on either side whose newest verification did not come back OK; <see cref="Sides"/> is from, to or both.</summary>
public sealed record IntegrityFinding(NodeKey Version, string Sides, VerificationOutcome Outcome, DateTimeOffset CheckedAt, string? Evidence);
