using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A system data comes from.</summary>
public sealed record SourceSystem(string Name, SourceSystemKind Kind, string? Description = null) : INode
{
    [JsonIgnore]
    public SourceSystemId Id => new(Name);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
