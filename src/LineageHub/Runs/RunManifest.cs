using LineageHub.Core.Domain;

namespace LineageHub.Runs;

/// <summary>
/// A run manifest as read and checked by <see cref="RunManifestReader"/> (the format is
/// <c>schema/run-manifest.schema.json</c>). Paths are absolute, resolved against the manifest's folder.
/// </summary>
public sealed record RunManifest(
    JobId Job,
    JobType JobType,
    Guid RunId,
    bool RunIdWasGiven,
    RunStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ManifestData> Inputs,
    IReadOnlyList<ManifestData> Outputs,
    ManifestCode? Code,
    ManifestModel? Model);
