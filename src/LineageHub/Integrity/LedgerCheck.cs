using LineageHub.Core.Domain;

namespace LineageHub.Integrity;

/// <summary>What a ledger check found, and the head it verified (the next check's starting point).</summary>
public sealed record LedgerCheck(VerificationOutcome Outcome, string Summary, IReadOnlyList<string> Problems, TreePoint Head);
