namespace LineageHub.Connectors.Git;

/// <summary>The commits between two commits, as <c>git rev-list FROM..TO</c> and <c>TO..FROM</c> see them.</summary>
/// <param name="From">The older side, resolved.</param>
/// <param name="To">The newer side, resolved.</param>
/// <param name="MergeBase">The best common ancestor, or null when the histories are unrelated.</param>
/// <param name="Added">Commits reachable from <paramref name="To"/> but not from <paramref name="From"/>, newest first.</param>
/// <param name="Removed">
/// Commits reachable from <paramref name="From"/> but not from <paramref name="To"/>, newest first; empty
/// when <paramref name="To"/> descends from <paramref name="From"/>, non-empty when history diverged or was rewritten.
/// </param>
public sealed record GitCommitRange(
    GitObjectId From,
    GitObjectId To,
    GitObjectId? MergeBase,
    IReadOnlyList<GitCommitInfo> Added,
    IReadOnlyList<GitCommitInfo> Removed);
