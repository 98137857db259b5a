using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// A bounded lineage walk from <see cref="Start"/>. Every budget is honoured; a walk that stops early
/// says so in its result's <see cref="TraversalResult.Truncated"/> instead of timing out or cutting silently.
/// </summary>
public sealed record TraversalRequest(NodeKey Start)
{
    public const int DefaultMaxNodes = 1_000_000;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public LineageDirection Direction { get; init; } = LineageDirection.Upstream;

    /// <summary>Only these edge kinds are followed; null follows all.</summary>
    public IReadOnlySet<EdgeKind>? EdgeKinds { get; init; }

    /// <summary>How many edges away from the start to go (0 returns just the start).</summary>
    public int MaxDepth { get; init; } = int.MaxValue;

    public int MaxNodes { get; init; } = DefaultMaxNodes;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Walk the graph exactly as it was at this point of the ledger; null is now.</summary>
    public LedgerPosition? AsOf { get; init; }

    /// <summary>Whether the result lists the edges walked (a closure of half a million nodes may not need them).</summary>
    public bool IncludeEdges { get; init; } = true;

    public void Validate()
    {
        if (MaxDepth < 0)
        {
            throw LineageHubException.InvalidInput($"maxDepth must be 0 or more, got {MaxDepth}");
        }
        if (MaxNodes < 1)
        {
            throw LineageHubException.InvalidInput($"maxNodes must be 1 or more, got {MaxNodes}");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            throw LineageHubException.InvalidInput($"the time budget must be positive, got {Timeout}");
        }
    }
}
