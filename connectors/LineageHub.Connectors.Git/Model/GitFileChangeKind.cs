namespace LineageHub.Connectors.Git;

/// <summary>How a file changed between two trees (git's raw diff status letters).</summary>
public enum GitFileChangeKind
{
    /// <summary>A: the file is new.</summary>
    Added,

    /// <summary>D: the file was removed.</summary>
    Deleted,

    /// <summary>M: the content or mode changed.</summary>
    Modified,

    /// <summary>R: the file moved (possibly with edits).</summary>
    Renamed,

    /// <summary>C: the file was copied.</summary>
    Copied,

    /// <summary>T: the kind changed (file, symlink, submodule).</summary>
    TypeChanged,

    /// <summary>U, X or anything else git reports.</summary>
    Other,
}
