using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Core.Storage;

namespace LineageHub.Integrity;

/// <summary>
/// Re-verifies the ledger: the store's own full check (every entry recomputed, every signed head against the
/// recomputed tree and its signature, consecutive heads consistent, every projection row against its ledger
/// entry, so a row edited by hand in the SQLite file is named), and on top of it an RFC 9162 §2.1.4
/// consistency proof from the head the previous check verified (remembered outside the tables an attacker
/// would edit) to the newest head, checked against the remembered root rather than one the store recomputes.
/// </summary>
public static class LedgerVerifier
{
    public static async Task<LedgerCheck> VerifyAsync(ILineageStore store, TreePoint? previous, CancellationToken cancellationToken)
    {
        var report = await store.VerifyAsync(cancellationToken);
        var head = await store.GetTreeHeadAsync(cancellationToken);
        var problems = report.Problems.ToList();
        if (previous is { } before)
        {
            if (head.Size < before.Size)
            {
                problems.Add(VerificationMessages.HeadShrank(head.Size, before.Size));
            }
            else if (head.Size == before.Size && head.Root != before.Root)
            {
                problems.Add(VerificationMessages.HeadRewritten(head.Size));
            }
            else if (before.Size > 0 && head.Size > before.Size)
            {
                var proof = await store.ProveConsistencyAsync(before.Size, head.Size, cancellationToken);
                var check = MerkleProofVerifier.VerifyConsistency((ulong)before.Size, (ulong)head.Size, [.. proof.Path.Select(p => p.Bytes.ToArray())], before.Root.Bytes, head.Root.Bytes);
                if (!check.IsValid)
                {
                    problems.Add(VerificationMessages.HeadsInconsistent(before.Size, head.Size, check.Failure ?? "invalid proof"));
                }
            }
        }
        var summary = problems.Count == 0
            ? VerificationMessages.LedgerOk(report.Entries, report.TreeHeads, report.Nodes, report.Edges)
            : VerificationMessages.LedgerFailed(problems.Count);
        return new LedgerCheck(problems.Count == 0 ? VerificationOutcome.Ok : VerificationOutcome.Tampered, summary, problems, new TreePoint(head.Size, head.Root));
    }
}
