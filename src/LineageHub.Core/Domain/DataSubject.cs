using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A data subject, by keyed pseudonym only.</summary>
public sealed record DataSubject(string Pseudonym) : INode
{
    [JsonIgnore]
    public DataSubjectId Id => new(Pseudonym);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
