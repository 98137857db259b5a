using LineageHub.Core.Lineage.Diff;

namespace LineageHub.Diff;

/// <summary>What <c>lineagehub diff --json</c> prints: the changes farthest upstream first, metrics side by side, failed verifications, and warnings.</summary>
public sealed record LineageDiffJson(
    string From,
    string To,
    bool Empty,
    int FromNodes,
    int ToNodes,
    string? FromTruncation,
    string? ToTruncation,
    IReadOnlyList<LineageChangeJson> Changes,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<IntegrityFindingJson> Integrity,
    IReadOnlyList<string> Warnings)
{
    public static LineageDiffJson Of(LineageDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new LineageDiffJson(
            diff.From.ToString(),
            diff.To.ToString(),
            diff.IsEmpty,
            diff.FromLineage.Nodes.Count,
            diff.ToLineage.Nodes.Count,
            diff.FromLineage.Truncation?.ToString().ToLowerInvariant(),
            diff.ToLineage.Truncation?.ToString().ToLowerInvariant(),
            [.. diff.Changes.Select(LineageChangeJson.Of)],
            diff.Metrics,
            [.. diff.Integrity.Select(f => new IntegrityFindingJson(f.Version.ToString(), f.Sides, f.Outcome.ToString().ToLowerInvariant(), f.CheckedAt, f.Evidence))],
            diff.Warnings);
    }
}
