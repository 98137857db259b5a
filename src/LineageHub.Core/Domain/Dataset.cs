using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A dataset: a named, versioned collection of data.</summary>
public sealed record Dataset(string Namespace, string Name, string? Description = null) : INode
{
    [JsonIgnore]
    public DatasetId Id => new(Namespace, Name);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
