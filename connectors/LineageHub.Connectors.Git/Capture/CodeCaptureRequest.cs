namespace LineageHub.Connectors.Git;

/// <summary>What <see cref="CodeCapture"/> should capture.</summary>
public sealed record CodeCaptureRequest
{
    /// <summary>
    /// The commit the run used. Null means "the code as checked out": HEAD, and the working tree's state
    /// is recorded too, so a run made from a dirty tree says so.
    /// </summary>
    public string? Revision { get; init; }

    /// <summary>
    /// The files to pin with their blob hashes: those under these repository-relative paths (<c>.</c> for
    /// every file). Null pins none: the commit already fixes every file through its tree, and a run that
    /// names the files it used makes the lineage (and its diffs) say which ones mattered.
    /// </summary>
    public IReadOnlyCollection<string>? Paths { get; init; }

    /// <summary>
    /// Shas of commits of this repository already recorded: their history is left out, which makes a
    /// capture after a few new commits cost a few commits, not the whole history.
    /// </summary>
    public IReadOnlyCollection<string> KnownCommits { get; init; } = [];
}
