namespace LineageHub.Connectors.Git;

/// <summary>What <see cref="CodeCapture"/> should capture.</summary>
public sealed record CodeCaptureRequest
{
    /// <summary>
    /// The commit the run used. Null means "the code as checked out": HEAD, and the working tree's state
    /// is recorded too, so a run made from a dirty tree says so.
    /// </summary>
    public string? Revision { get; init; }

    /// <summary>Only the files under these repository-relative paths; null for every file of the commit.</summary>
    public IReadOnlyCollection<string>? Paths { get; init; }

    /// <summary>
    /// Shas of commits of this repository already recorded: their history is left out, which makes a
    /// capture after a few new commits cost a few commits, not the whole history.
    /// </summary>
    public IReadOnlyCollection<string> KnownCommits { get; init; } = [];
}
