namespace LineageHub.Connectors.Git;

/// <summary>What went wrong, so callers can react without matching message text.</summary>
public enum GitErrorKind
{
    /// <summary>The git executable could not be started.</summary>
    GitNotFound,

    /// <summary>The git found is older than the 2.31 this connector needs.</summary>
    UnsupportedGitVersion,

    /// <summary>The folder does not exist or is not inside a git repository.</summary>
    NotARepository,

    /// <summary>The operation needs a working tree and the repository is bare.</summary>
    BareRepository,

    /// <summary>The repository is a shallow clone and the operation needs history it does not have.</summary>
    ShallowClone,

    /// <summary>A revision (sha, branch, tag, expression) does not name a commit in the repository.</summary>
    UnknownRevision,

    /// <summary>The repository has no commits yet.</summary>
    NoCommits,

    /// <summary>An argument is malformed (e.g. a revision containing a line break).</summary>
    InvalidArgument,

    /// <summary>git failed; the message carries its exit code and error output.</summary>
    CommandFailed,

    /// <summary>git printed something that does not follow the documented format.</summary>
    MalformedOutput,

    /// <summary>A record exceeded a configured size limit.</summary>
    LimitExceeded,
}
