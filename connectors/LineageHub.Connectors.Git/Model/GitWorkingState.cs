namespace LineageHub.Connectors.Git;

/// <summary>
/// The state of a working tree when code ran: the commit checked out and whether the files on disk
/// differ from it.
/// </summary>
/// <param name="RepositoryRoot">The working tree's top-level folder.</param>
/// <param name="HeadCommit">The commit HEAD points to; null on an unborn branch (no commits yet).</param>
/// <param name="Branch">The checked-out branch name, or null when HEAD is detached.</param>
/// <param name="IsDirty">True when tracked files differ from HEAD or untracked, non-ignored files exist.</param>
/// <param name="TrackedChangeCount">Tracked paths that differ from HEAD (staged or not).</param>
/// <param name="UntrackedFileCount">Untracked, non-ignored files.</param>
/// <param name="WorkingTreeId">
/// When dirty, the git tree id of the files on disk (tracked changes and untracked non-ignored files
/// included), as <c>git add -A</c> would record them.
/// </param>
/// <param name="DiffDigest">
/// When dirty, <c>sha256:</c> and the hex SHA-256 of the raw, NUL-separated diff from HEAD's tree to
/// <paramref name="WorkingTreeId"/> (modes, blob ids and paths, no renames): equal working trees on equal
/// commits give equal digests, whatever the machine's git configuration.
/// </param>
/// <param name="Warning">When dirty, says that the code is not reproducible from the commit alone.</param>
public sealed record GitWorkingState(
    string RepositoryRoot,
    GitObjectId? HeadCommit,
    GitText? Branch,
    bool IsDirty,
    int TrackedChangeCount,
    int UntrackedFileCount,
    GitObjectId? WorkingTreeId,
    string? DiffDigest,
    string? Warning);
