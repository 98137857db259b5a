using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Integrity;

/// <summary>
/// Reads Verification facts back. A dataset version's checks are found through its VERIFIES edges; the
/// ledger's, and the list of all checks, by walking the Verification nodes, whose keys are version-7 UUIDs and
/// so run in the order the checks were made.
/// </summary>
public sealed class VerificationHistory(ILineageStore store)
{
    /// <summary>The checks of one dataset version, oldest first.</summary>
    public async Task<IReadOnlyList<Verification>> ForVersionAsync(NodeKey version, CancellationToken cancellationToken)
    {
        var edges = await store.GetEdgesAsync(version, EdgeDirection.Incoming, EdgeKind.Verifies, cancellationToken: cancellationToken);
        var records = await store.FindNodesAsync([.. edges.Select(e => e.From)], cancellationToken);
        return [.. records.Values.Select(r => r.As<Verification>()).OrderBy(v => v.CheckedAt).ThenBy(v => v.VerificationId)];
    }

    /// <summary>Every check, oldest first.</summary>
    public async Task<IReadOnlyList<Verification>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Verification>();
        await foreach (var node in store.AllNodesAsync(NodeKind.Verification, cancellationToken))
        {
            all.Add(node.As<Verification>());
        }
        return [.. all.OrderBy(v => v.CheckedAt).ThenBy(v => v.VerificationId)];
    }

    /// <summary>
    /// The checks whose outcome changed their target's state (OK to anything else and back; a first check that
    /// is not OK counts, a first OK does not), oldest first: what alerts are raised for.
    /// </summary>
    public static IReadOnlyList<(Verification Check, VerificationOutcome? Previous)> Transitions(IEnumerable<Verification> checks)
    {
        var last = new Dictionary<string, VerificationOutcome>(StringComparer.Ordinal);
        var transitions = new List<(Verification, VerificationOutcome?)>();
        foreach (var check in checks)
        {
            VerificationOutcome? previous = last.TryGetValue(check.Target, out var outcome) ? outcome : null;
            if (previous is { } p ? p != check.Outcome : check.Outcome != VerificationOutcome.Ok)
            {
                transitions.Add((check, previous));
            }
            last[check.Target] = check.Outcome;
        }
        return transitions;
    }
}
