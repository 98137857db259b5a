namespace LineageHub.Connectors.Git;

/// <summary>One file of a commit's tree.</summary>
/// <param name="Path">Path from the repository root, '/'-separated, raw bytes preserved.</param>
/// <param name="Mode">The git mode as octal text, e.g. <c>100644</c>.</param>
/// <param name="Kind">What the entry is.</param>
/// <param name="ObjectId">The blob hash, or for a submodule the commit it pins.</param>
/// <param name="Size">The blob size in bytes; null for a submodule.</param>
public sealed record GitFileEntry(GitText Path, string Mode, GitFileKind Kind, GitObjectId ObjectId, long? Size)
{
    internal static GitFileKind KindOf(ReadOnlySpan<char> mode) => mode switch
    {
        "100644" or "100664" => GitFileKind.File,
        "100755" => GitFileKind.Executable,
        "120000" => GitFileKind.Symlink,
        "160000" => GitFileKind.Submodule,
        _ => GitFileKind.Other,
    };
}
