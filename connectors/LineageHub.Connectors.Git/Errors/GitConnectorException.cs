namespace LineageHub.Connectors.Git;

/// <summary>A git operation could not be done; <see cref="Kind"/> says why, the message carries the evidence.</summary>
public sealed class GitConnectorException : Exception
{
    public GitConnectorException(GitErrorKind kind, string message)
        : base(message) => Kind = kind;

    public GitConnectorException(GitErrorKind kind, string message, Exception innerException)
        : base(message, innerException) => Kind = kind;

    public GitConnectorException()
        : this(GitErrorKind.CommandFailed, GitMessages.Unspecified)
    {
    }

    public GitConnectorException(string message)
        : this(GitErrorKind.CommandFailed, message)
    {
    }

    public GitConnectorException(string message, Exception innerException)
        : this(GitErrorKind.CommandFailed, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public GitErrorKind Kind { get; }

    /// <summary>For <see cref="GitErrorKind.ShallowClone"/>: the shallow boundary commits, whose parents are missing.</summary>
    public IReadOnlyList<GitObjectId> ShallowBoundary { get; init; } = [];
}
