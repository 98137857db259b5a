using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>
/// What one write asserts: nodes and edges, applied all together or not at all. Asserting what is
/// already recorded is allowed and changes nothing; contradicting it is a conflict.
/// </summary>
public sealed record ChangeSet(IReadOnlyList<NodeFact> Nodes, IReadOnlyList<EdgeFact> Edges, string? Actor = null)
{
    /// <summary>The most facts one change set may carry; larger loads are split by the caller.</summary>
    public const int MaxFacts = 2_000_000;

    public int Count => Nodes.Count + Edges.Count;

    public static ChangeSetBuilder Builder(string? actor = null) => new(actor);
}
