using LineageHub.Core.Lineage.Diff;
using LineageHub.Core.Snapshots;

namespace LineageHub.Diff;

/// <summary>A data change as JSON: the versions as text ids, then what the records, the chunk lists and (with --with-data) the files tell.</summary>
public sealed record DataChangeJson(
    string Dataset,
    string FromVersion,
    string ToVersion,
    string Mode,
    long LeavesBefore,
    long LeavesAfter,
    long BytesBefore,
    long BytesAfter,
    bool SchemaChanged,
    IReadOnlyList<string> ColumnsAdded,
    IReadOnlyList<string> ColumnsRemoved,
    IReadOnlyList<ColumnRetype> ColumnsRetyped,
    SnapshotDiffResult? Chunks,
    IReadOnlyList<string> FilesAdded,
    IReadOnlyList<string> FilesRemoved,
    IReadOnlyList<string> FilesChanged,
    ExactRowDiff? Rows,
    IReadOnlyList<string> Notes)
{
    public static DataChangeJson Of(DataChange d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Dataset.ToString(), d.FromVersion.ToString(), d.ToVersion.ToString(), d.Mode.ToString().ToLowerInvariant(), d.LeavesBefore, d.LeavesAfter, d.BytesBefore, d.BytesAfter,
            d.SchemaChanged, d.ColumnsAdded, d.ColumnsRemoved, d.ColumnsRetyped, d.Chunks, d.FilesAdded, d.FilesRemoved, d.FilesChanged, d.Rows, d.Notes);
    }
}
