using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A job: the recurring process its runs execute. <see cref="Purpose"/> is the processing purpose it serves.</summary>
public sealed record Job(string Namespace, string Name, JobType Type, string? Purpose = null, string? Description = null) : INode
{
    [JsonIgnore]
    public JobId Id => new(Namespace, Name);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
