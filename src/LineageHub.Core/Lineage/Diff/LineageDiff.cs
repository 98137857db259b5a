using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// The difference of two upstream lineages: the changes, farthest upstream first, each marked root cause or
/// consequence; the compared model versions' metrics side by side; inputs on either side that no longer
/// verify; and each side's walk, whose truncation says when a budget kept part of a lineage unseen.
/// </summary>
public sealed record LineageDiff(
    NodeKey From,
    NodeKey To,
    TraversalResult FromLineage,
    TraversalResult ToLineage,
    IReadOnlyList<LineageChange> Changes,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<IntegrityFinding> Integrity,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when nothing upstream differs (the metrics may still be listed, all equal).</summary>
    public bool IsEmpty => Changes.Count == 0;

    public bool Truncated => FromLineage.Truncated || ToLineage.Truncated;

    public IEnumerable<LineageChange> RootCauses => Changes.Where(c => c.RootCause);
}
