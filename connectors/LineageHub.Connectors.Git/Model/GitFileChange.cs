namespace LineageHub.Connectors.Git;

/// <summary>One file changed between two commits.</summary>
/// <param name="Kind">How it changed.</param>
/// <param name="Path">The path after the change (for a deletion, the removed path).</param>
/// <param name="OldPath">For a rename or copy, the path before; otherwise null.</param>
/// <param name="OldMode">Mode before, octal text (<c>000000</c> when added).</param>
/// <param name="NewMode">Mode after, octal text (<c>000000</c> when deleted).</param>
/// <param name="OldObjectId">Blob before (all zeros when added).</param>
/// <param name="NewObjectId">Blob after (all zeros when deleted).</param>
/// <param name="Similarity">For a rename or copy, git's similarity percentage.</param>
/// <param name="AddedLines">Lines added; null when <see cref="IsBinary"/>.</param>
/// <param name="DeletedLines">Lines deleted; null when <see cref="IsBinary"/>.</param>
/// <param name="IsBinary">True when git treats the content as binary (no line counts).</param>
public sealed record GitFileChange(
    GitFileChangeKind Kind,
    GitText Path,
    GitText? OldPath,
    string OldMode,
    string NewMode,
    GitObjectId OldObjectId,
    GitObjectId NewObjectId,
    int? Similarity,
    long? AddedLines,
    long? DeletedLines,
    bool IsBinary);
