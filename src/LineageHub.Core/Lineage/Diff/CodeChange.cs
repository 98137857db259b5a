namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// How a job's code differs between the sides: the two commits, the commits between them (from the
/// recorded history), the files changed — the files the runs pinned when they pinned any, with line counts
/// once a checkout of the repository is reachable — and warnings about code not reproducible from a commit.
/// </summary>
public sealed record CodeChange(string Repository, string? FromCommit, string? ToCommit)
{
    /// <summary>Commits reachable from the newer commit and not from the older: what was added, newest first.</summary>
    public IReadOnlyList<CommitSummary> CommitsAdded { get; init; } = [];

    /// <summary>Commits of the older side the newer does not contain (history diverged or went back).</summary>
    public IReadOnlyList<CommitSummary> CommitsDropped { get; init; } = [];

    public bool CommitsTruncated { get; init; }

    public IReadOnlyList<CodeFileChange> Files { get; init; } = [];

    /// <summary>True when <see cref="Files"/> lists only the files the runs pinned (their paths and blobs).</summary>
    public bool FilesPinned { get; init; }

    /// <summary>True when a checkout was read for <see cref="Files"/> (line counts are then filled in).</summary>
    public bool FilesFromRepository { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
