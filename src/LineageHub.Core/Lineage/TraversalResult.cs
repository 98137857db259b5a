using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>The nodes and edges a traversal reached, and whether a budget stopped it early.</summary>
public sealed record TraversalResult(
    NodeKey Start,
    IReadOnlyList<TraversedNode> Nodes,
    IReadOnlyList<TraversedEdge> Edges,
    TruncationReason? Truncation,
    long AsOfSize)
{
    public bool Truncated => Truncation is not null;
}
