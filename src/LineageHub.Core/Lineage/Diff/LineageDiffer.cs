using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// Diffs the upstream lineages of two model versions, two runs or two dataset versions. Each side is one
/// bounded walk; nodes with the same key on both sides are the same immutable fact, so only the nodes on
/// one side are examined: they are paired by what they are a version or run of (dataset, job, model) and
/// their records compared. A change is a root cause when no other change lies upstream of where it sits.
/// </summary>
public sealed partial class LineageDiffer(ILineageStore store, ILineageDiffEvidence? evidence = null)
{
    private readonly ILineageDiffEvidence _evidence = evidence ?? RecordedEvidence.Instance;

    public async Task<LineageDiff> DiffAsync(LineageDiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var from = new DiffSide("from", await store.TraverseAsync(request.Traversal(request.From), cancellationToken).ConfigureAwait(false));
        var to = new DiffSide("to", await store.TraverseAsync(request.Traversal(request.To), cancellationToken).ConfigureAwait(false));
        var session = new Session(request, from, to);
        foreach (var side in new[] { from, to })
        {
            if (side.Lineage.Truncation is { } reason)
            {
                session.Warnings.Add(DiffMessages.Truncated(side.Name, reason));
            }
        }

        Pair(session);
        var records = await store.FindNodesAsync(session.RecordsNeeded(), cancellationToken).ConfigureAwait(false);
        session.Records = records;
        await DiffDataAsync(session, cancellationToken).ConfigureAwait(false);
        foreach (var (a, b) in session.RunPairs)
        {
            await DiffRunsAsync(session, a, b, cancellationToken).ConfigureAwait(false);
        }
        var metrics = DiffMetrics(session);
        await DiffConsentAsync(session, cancellationToken).ConfigureAwait(false);
        var integrity = await IntegrityAsync(session, cancellationToken).ConfigureAwait(false);
        var changes = MarkRootCauses(session);
        return new LineageDiff(request.From, request.To, from.Lineage, to.Lineage, changes, metrics, integrity, session.Warnings);
    }

    // The newest commit's ancestors (PARENT edges), walked on the commit budget; cached per commit.
    private async Task<TraversalResult> HistoryAsync(Session session, NodeKey commit, CancellationToken cancellationToken)
    {
        if (!session.Histories.TryGetValue(commit, out var history))
        {
            history = await store.TraverseAsync(new TraversalRequest(commit)
            {
                EdgeKinds = new HashSet<EdgeKind> { EdgeKind.Parent },
                MaxNodes = session.Request.CommitBudget,
                IncludeEdges = false,
            }, cancellationToken).ConfigureAwait(false);
            session.Histories[commit] = history;
        }
        return history;
    }

    private static string Describe(NodeKey key)
    {
        var parts = key.Parts();
        return key.Kind switch
        {
            NodeKind.Job or NodeKind.Dataset when parts.Length == 2 => $"{parts[0]}/{parts[1]}",
            NodeKind.DatasetVersion when parts.Length == 3 => $"{parts[0]}/{parts[1]}",
            NodeKind.ModelVersion when parts.Length == 2 => $"{parts[0]}@{parts[1]}",
            NodeKind.Model => parts[0],
            _ => key.ToString(),
        };
    }
}
