using LineageHub.Core.Domain;

namespace LineageHub.Runs;

/// <summary>
/// One input or output of a run: a registered dataset version (<see cref="Version"/>), or a file or folder
/// to snapshot now (<see cref="Path"/>) and register as a version of <see cref="Dataset"/>.
/// </summary>
public sealed record ManifestData(
    string Pointer,
    DatasetVersionId? Version,
    DatasetId? Dataset = null,
    string? Path = null,
    SnapshotMode? Mode = null,
    string? Key = null,
    string? Label = null,
    string? Source = null);
