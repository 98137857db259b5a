namespace LineageHub.Core.Ledger;

/// <summary>The facts of a change set that are new, in the order they will be written, and the count of those already recorded.</summary>
public sealed record ChangePlan(IReadOnlyList<NodeFact> NewNodes, IReadOnlyList<EdgeFact> NewEdges, int NodesUnchanged, int EdgesUnchanged)
{
    public bool IsEmpty => NewNodes.Count == 0 && NewEdges.Count == 0;
}
