using LineageHub.Core.Domain;
using LineageHub.Core.Snapshots;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// The evidence the store itself holds: a data difference from the two versions' stored snapshot metadata
/// (changed chunks and key ranges, columns added and removed, folder files), code as the graph recorded it,
/// and no consent proofs. Reads no file and no repository, so a server can answer with it.
/// </summary>
public class RecordedEvidence : ILineageDiffEvidence
{
    public static RecordedEvidence Instance { get; } = new();

    public virtual Task<DataChange> DescribeDataAsync(DatasetVersion from, DatasetVersion to, DataChange recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(recorded);
        var before = StoredSnapshot.Read(from.Snapshot);
        var after = StoredSnapshot.Read(to.Snapshot);
        var change = recorded;
        var notes = new List<string>(recorded.Notes);
        if (before.Columns is { } oldColumns && after.Columns is { } newColumns)
        {
            change = change with
            {
                ColumnsAdded = [.. newColumns.Except(oldColumns, StringComparer.Ordinal)],
                ColumnsRemoved = [.. oldColumns.Except(newColumns, StringComparer.Ordinal)],
            };
        }
        if (from.Mode == SnapshotMode.Table && to.Mode == SnapshotMode.Table)
        {
            if (before.Chunks is { } oldChunks && after.Chunks is { } newChunks)
            {
                change = change with { Chunks = SnapshotDiff.Compare(oldChunks, newChunks) };
            }
            else
            {
                notes.Add("no stored chunk list on " + (before.Chunks is null ? "the from side" : "the to side") + ": rows cannot be compared from the records");
            }
        }
        else if (before.Files is { } oldFiles && after.Files is { } newFiles)
        {
            change = change with
            {
                FilesAdded = [.. newFiles.Keys.Where(p => !oldFiles.ContainsKey(p)).Order(StringComparer.Ordinal)],
                FilesRemoved = [.. oldFiles.Keys.Where(p => !newFiles.ContainsKey(p)).Order(StringComparer.Ordinal)],
                FilesChanged = [.. newFiles.Where(p => oldFiles.TryGetValue(p.Key, out var old) && old != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)],
            };
        }
        return Task.FromResult(change with { Notes = notes });
    }

    public virtual Task<CodeChange> DescribeCodeAsync(CodeChange recorded, CancellationToken cancellationToken) => Task.FromResult(recorded);

    public virtual Task<string?> ConsentOutcomeAsync(NodeKey node, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
