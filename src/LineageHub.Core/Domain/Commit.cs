using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A commit, with author and committer times in their own UTC offsets.</summary>
public sealed record Commit(string RepositoryIdentity, string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthoredAt, string CommitterName, string CommitterEmail, DateTimeOffset CommittedAt, string Message) : INode
{
    [JsonIgnore]
    public CommitId Id => new(new RepositoryId(RepositoryIdentity), Sha);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
