using LineageHub.Core.Hashing;

namespace LineageHub.Runs;

/// <summary>The model version a training run produced; the artifact's digest is computed when a file is given.</summary>
public sealed record ManifestModel(string Name, string Version, string? ArtifactPath, Digest? Digest, IReadOnlyDictionary<string, double> Metrics);
