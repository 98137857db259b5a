using LineageHub.Core.Ledger;

namespace LineageHub.Api.Contracts;

/// <summary>What a full ledger verification checked and found.</summary>
public sealed record VerificationReportJson(bool Ok, long Entries, long TreeHeads, long Nodes, long Edges, IReadOnlyList<string> Problems)
{
    public static VerificationReportJson From(LedgerVerificationReport report) =>
        new(report.Ok, report.Entries, report.TreeHeads, report.Nodes, report.Edges, report.Problems);
}
