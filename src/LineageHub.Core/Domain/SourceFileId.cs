namespace LineageHub.Core.Domain;

/// <summary>A file's content at a path: the path plus the git blob hash.</summary>
public readonly record struct SourceFileId(RepositoryId Repository, string Path, string BlobHash)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.SourceFile, Repository.Identity, Path, BlobHash);

    public override string ToString() => $"{Repository}:{Path}@{BlobHash}";
}
