using LineageHub.Core.Consent;

namespace LineageHub.Core.Evidence;

/// <summary>What verifying a bundle checked, in order, and the first check that failed (if any).</summary>
public sealed record EvidenceReport(bool Valid, IReadOnlyList<string> Checked, string? Failure, ConsentVerdict? Verdict);
