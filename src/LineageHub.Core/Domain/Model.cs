using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A model, whose versions training runs produce.</summary>
public sealed record Model(string Name, string? Description = null, string? Purpose = null) : INode
{
    [JsonIgnore]
    public ModelId Id => new(Name);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
