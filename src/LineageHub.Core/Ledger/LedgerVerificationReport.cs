namespace LineageHub.Core.Ledger;

/// <summary>What a full re-verification checked and every problem it found; <see cref="Ok"/> when none.</summary>
public sealed record LedgerVerificationReport(long Entries, long TreeHeads, long Nodes, long Edges, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}
