using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// Two lineage points to compare — two model versions, two runs or two dataset versions, of one kind —
/// and the budgets each side's upstream walk gets. A walk a budget stops is reported, not hidden.
/// </summary>
public sealed record LineageDiffRequest(NodeKey From, NodeKey To)
{
    /// <summary>How many commits back each side's history is walked to find the commits between two runs' commits.</summary>
    public const int DefaultCommitBudget = 10_000;

    public int MaxDepth { get; init; } = int.MaxValue;

    public int MaxNodes { get; init; } = TraversalRequest.DefaultMaxNodes;

    public TimeSpan Timeout { get; init; } = TraversalRequest.DefaultTimeout;

    public int CommitBudget { get; init; } = DefaultCommitBudget;

    /// <summary>The node kinds that can be diffed.</summary>
    public static bool CanDiff(NodeKind kind) => kind is NodeKind.ModelVersion or NodeKind.Run or NodeKind.DatasetVersion;

    public void Validate()
    {
        if (From.Kind != To.Kind)
        {
            throw LineageHubException.InvalidInput(DiffMessages.KindsDiffer(From, To));
        }
        if (!CanDiff(From.Kind))
        {
            throw LineageHubException.InvalidInput(DiffMessages.CannotDiff(From));
        }
        if (CommitBudget < 1)
        {
            throw LineageHubException.InvalidInput(DiffMessages.CommitBudget(CommitBudget));
        }
        Traversal(From).Validate();
    }

    /// <summary>The upstream walk of one side: the edges lineage is made of, not commit history (walked on its own budget).</summary>
    public TraversalRequest Traversal(NodeKey start) => new(start)
    {
        Direction = LineageDirection.Upstream,
        EdgeKinds = LineageEdges,
        MaxDepth = MaxDepth,
        MaxNodes = MaxNodes,
        Timeout = Timeout,
        IncludeEdges = true,
    };

    private static readonly IReadOnlySet<EdgeKind> LineageEdges = new HashSet<EdgeKind>
    {
        EdgeKind.Produced, EdgeKind.Read, EdgeKind.Wrote, EdgeKind.RunOf, EdgeKind.UsedCode, EdgeKind.DerivedFrom,
    };
}
