using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Git;

/// <summary>A commit as a lineage node, with the shas of its parents (PARENT edges, in git's order).</summary>
public sealed record CapturedCommit(Commit Commit, IReadOnlyList<string> ParentShas);
