namespace LineageHub.Api.Contracts;

/// <summary>The model version a run produced.</summary>
public sealed record RunModelJson(string Name, string Version, string? ArtifactDigest, string? ArtifactUri, IReadOnlyDictionary<string, double>? Metrics);
