using LineageHub.Core.Hashing;
using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>One version of a model: its artifact and the metrics it was evaluated with.</summary>
public sealed record ModelVersion(string ModelName, string Version, Digest? ArtifactDigest = null, string? ArtifactUri = null, IReadOnlyDictionary<string, double>? Metrics = null) : INode
{
    [JsonIgnore]
    public ModelVersionId Id => new(new ModelId(ModelName), Version);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}
