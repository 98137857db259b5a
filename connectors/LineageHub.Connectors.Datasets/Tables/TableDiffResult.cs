using LineageHub.Core.Hashing;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>The exact row difference of two table files, with a sample of each kind of change.</summary>
public sealed record TableDiffResult(
    Digest RootBefore,
    Digest RootAfter,
    SnapshotDiffResult Chunks,
    long Added,
    long Removed,
    long Changed,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> AddedSample,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> RemovedSample,
    IReadOnlyList<ChangedRow> ChangedSample);
