using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Snapshots;

namespace LineageHub.Cli;

/// <summary>What <c>lineagehub snapshot diff</c> prints: chunk-level counts always; exact rows when both sides are files.</summary>
public sealed record SnapshotDiffJson(
    string Compared,
    string Mode,
    string RootBefore,
    string RootAfter,
    bool Identical,
    int? ChunksBefore,
    int? ChunksAfter,
    int? ChunksTouched,
    long? RowsRemoved,
    long? RowsAdded,
    IReadOnlyList<ChangedRange>? Ranges,
    long? Added,
    long? Removed,
    long? Changed,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? AddedSample,
    IReadOnlyList<IReadOnlyDictionary<string, string?>>? RemovedSample,
    IReadOnlyList<ChangedRow>? ChangedSample,
    IReadOnlyList<long>? ChangedRawChunks,
    IReadOnlyList<string>? FilesAdded,
    IReadOnlyList<string>? FilesRemoved,
    IReadOnlyList<string>? FilesChanged,
    double Milliseconds);
