namespace LineageHub.Connectors.Git;

/// <summary>What a tree entry is, from its git mode.</summary>
public enum GitFileKind
{
    /// <summary>A regular file (mode 100644, or a legacy 100664).</summary>
    File,

    /// <summary>An executable file (mode 100755).</summary>
    Executable,

    /// <summary>A symbolic link (mode 120000); the blob holds the link target.</summary>
    Symlink,

    /// <summary>A submodule (gitlink, mode 160000); the object is a commit of another repository.</summary>
    Submodule,

    /// <summary>A mode this connector does not know.</summary>
    Other,
}
