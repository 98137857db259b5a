using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>One execution of a job, with the parameters and environment it ran with.</summary>
public sealed record Run(Guid RunId, string JobNamespace, string JobName, RunStatus Status, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null, IReadOnlyDictionary<string, string>? Parameters = null, IReadOnlyDictionary<string, string>? Environment = null) : INode
{
    [JsonIgnore]
    public RunId Id => new(RunId);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
