namespace LineageHub.Connectors.Git;

/// <summary>How a repository was identified.</summary>
public enum GitIdentityKind
{
    /// <summary>By its normalised remote URL: every clone of one remote is one repository.</summary>
    Remote,

    /// <summary>No remote: by its root commit and its folder on this machine.</summary>
    Local,
}
