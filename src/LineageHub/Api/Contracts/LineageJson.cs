using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;

namespace LineageHub.Api.Contracts;

/// <summary>A traversal's result as JSON: node ids with their depth, edges by wire name, and the truncation, if any.</summary>
public sealed record LineageJson(string Start, long AsOfSize, bool Truncated, string? Truncation, IReadOnlyList<LineageNodeJson> Nodes, IReadOnlyList<LineageEdgeJson> Edges)
{
    public static LineageJson From(TraversalResult result) => new(
        result.Start.ToString(), result.AsOfSize, result.Truncated, result.Truncation?.ToString().ToLowerInvariant(),
        [.. result.Nodes.Select(n => new LineageNodeJson(n.Key.ToString(), NodeKinds.Name(n.Key.Kind), n.Depth))],
        [.. result.Edges.Select(e => new LineageEdgeJson(EdgeRules.Name(e.Kind), e.From.ToString(), e.To.ToString()))]);
}
