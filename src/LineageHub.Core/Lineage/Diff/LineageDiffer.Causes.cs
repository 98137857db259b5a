using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    /// <summary>
    /// Marks each change a root cause when none of its places is downstream of another change's place, on
    /// the side each place is on; then orders the changes farthest upstream first, root causes before
    /// consequences at one distance, then by kind and subject so the order is stable.
    /// </summary>
    private static List<LineageChange> MarkRootCauses(Session session)
    {
        var belowFrom = session.From.DownstreamOf(session.Found.SelectMany(f => f.AtFrom));
        var belowTo = session.To.DownstreamOf(session.Found.SelectMany(f => f.AtTo));
        return [.. session.Found
            .Select(f => f.Change with { RootCause = !f.AtFrom.Any(belowFrom.Contains) && !f.AtTo.Any(belowTo.Contains) })
            .OrderByDescending(c => c.Distance)
            .ThenByDescending(c => c.RootCause)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.Value?.Key ?? c.Metric?.Name ?? "", StringComparer.Ordinal)];
    }
}
