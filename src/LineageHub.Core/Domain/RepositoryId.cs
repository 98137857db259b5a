namespace LineageHub.Core.Domain;

/// <summary>A code repository, by its normalised remote URL (or root commit and path when it has no remote).</summary>
public readonly record struct RepositoryId(string Identity)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Repository, Identity);

    public override string ToString() => Identity;
}
