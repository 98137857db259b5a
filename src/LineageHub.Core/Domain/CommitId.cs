namespace LineageHub.Core.Domain;

/// <summary>A commit in a repository.</summary>
public readonly record struct CommitId(RepositoryId Repository, string Sha)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Commit, Repository.Identity, Sha);

    public override string ToString() => $"{Repository}@{Sha}";
}
