using LineageHub.Core.Domain;
using LineageHub.Core.Snapshots;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// How a dataset's version differs between the sides. Always: the recorded counts and whether the schema
/// fingerprint moved. From the stored snapshot metadata: the changed chunks and key ranges (table) or files
/// (raw folder), and the columns added and removed. From the files, when reachable and asked for: exact rows
/// and retyped columns.
/// </summary>
public sealed record DataChange(DatasetId Dataset, NodeKey FromVersion, NodeKey ToVersion, SnapshotMode Mode, long LeavesBefore, long LeavesAfter, long BytesBefore, long BytesAfter, bool SchemaChanged)
{
    public SnapshotDiffResult? Chunks { get; init; }

    public IReadOnlyList<string> ColumnsAdded { get; init; } = [];

    public IReadOnlyList<string> ColumnsRemoved { get; init; } = [];

    public IReadOnlyList<ColumnRetype> ColumnsRetyped { get; init; } = [];

    public IReadOnlyList<string> FilesAdded { get; init; } = [];

    public IReadOnlyList<string> FilesRemoved { get; init; } = [];

    public IReadOnlyList<string> FilesChanged { get; init; } = [];

    public ExactRowDiff? Rows { get; init; }

    /// <summary>Why a part of the comparison could not be made (no stored chunk list, files not reachable…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
