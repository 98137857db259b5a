using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A code repository.</summary>
public sealed record Repository(string Identity, string? RemoteUrl = null) : INode
{
    [JsonIgnore]
    public RepositoryId Id => new(Identity);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
