using LineageHub.Core.Hashing;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// The exact difference of two table files: both are snapshotted, then the rows of only the chunks whose
/// roots differ are held and compared — by key when there is one (added, removed, changed), else as
/// multisets of rows (added, removed). Memory follows the size of the change, not of the tables.
/// </summary>
public static class TableFileDiff
{
    public static TableDiffResult Compare(TableSnapshotRequest before, TableSnapshotRequest after, int sampleSize = 5, CancellationToken cancellationToken = default)
    {
        var first = TableSnapshotter.Snapshot(before, cancellationToken);
        var beforeRoots = first.Chunks.Select(c => c.Root).ToHashSet();
        var afterRows = new List<byte[]>();
        var second = TableSnapshotter.Snapshot(after with { ChunkRows = Keep(beforeRoots, afterRows) }, cancellationToken);
        var afterRoots = second.Chunks.Select(c => c.Root).ToHashSet();
        var beforeRows = new List<byte[]>();
        if (first.Chunks.Any(c => !afterRoots.Contains(c.Root)))
        {
            TableSnapshotter.Snapshot(before with { ChunkRows = Keep(afterRoots, beforeRows) }, cancellationToken);
        }
        var chunks = SnapshotDiff.Compare(first.Chunks, second.Chunks);
        var columns = second.Schema.SortedNames;
        var keyPosition = second.Schema.Key is null ? -1 : columns.ToList().IndexOf(second.Schema.Key);
        return keyPosition >= 0 && first.Schema.Key == second.Schema.Key && first.Schema.SortedNames.SequenceEqual(columns)
            ? ByKey(first, second, chunks, beforeRows, afterRows, keyPosition, sampleSize)
            : ByRow(first, second, chunks, beforeRows, afterRows, sampleSize);
    }

    private static Action<SnapshotChunk, IReadOnlyList<byte[]>> Keep(HashSet<Digest> other, List<byte[]> into) =>
        (chunk, rows) =>
        {
            if (!other.Contains(chunk.Root))
            {
                into.AddRange(rows);
            }
        };

    private static TableDiffResult ByKey(TableSnapshot first, TableSnapshot second, SnapshotDiffResult chunks, List<byte[]> beforeRows, List<byte[]> afterRows, int keyPosition, int sampleSize)
    {
        var columns = second.Schema.SortedNames;
        var old = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var row in beforeRows)
        {
            old[KeyOf(row, columns.Count, keyPosition)] = row;
        }
        var added = new List<byte[]>();
        var changed = new List<(byte[] Before, byte[] After)>();
        foreach (var row in afterRows)
        {
            var key = KeyOf(row, columns.Count, keyPosition);
            if (old.Remove(key, out var previous))
            {
                if (!previous.AsSpan().SequenceEqual(row))
                {
                    changed.Add((previous, row));
                }
            }
            else
            {
                added.Add(row);
            }
        }
        return new TableDiffResult(first.Root, second.Root, chunks, added.Count, old.Count, changed.Count,
            Sample(added, columns, sampleSize), Sample(old.Values, columns, sampleSize),
            [.. changed.Take(sampleSize).Select(c => new ChangedRow(Decode(c.Before, columns), Decode(c.After, columns)))]);
    }

    private static TableDiffResult ByRow(TableSnapshot first, TableSnapshot second, SnapshotDiffResult chunks, List<byte[]> beforeRows, List<byte[]> afterRows, int sampleSize)
    {
        var counts = new Dictionary<string, (byte[] Row, int Count)>(StringComparer.Ordinal);
        foreach (var row in beforeRows)
        {
            var id = Convert.ToBase64String(row);
            counts[id] = (row, counts.GetValueOrDefault(id).Count + 1);
        }
        var added = new List<byte[]>();
        foreach (var row in afterRows)
        {
            var id = Convert.ToBase64String(row);
            if (counts.TryGetValue(id, out var held) && held.Count > 0)
            {
                counts[id] = (row, held.Count - 1);
            }
            else
            {
                added.Add(row);
            }
        }
        var removed = counts.Values.SelectMany(v => Enumerable.Repeat(v.Row, v.Count)).ToList();
        return new TableDiffResult(first.Root, second.Root, chunks, added.Count, removed.Count, 0,
            Sample(added, second.Schema.SortedNames, sampleSize), Sample(removed, first.Schema.SortedNames, sampleSize), []);
    }

    private static string KeyOf(byte[] row, int columns, int keyPosition)
    {
        var value = RowCodec.Decode(row, columns)![keyPosition];
        return $"{(char)value.Tag}:{value.Text}";
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string?>> Sample(IEnumerable<byte[]> rows, IReadOnlyList<string> columns, int size) =>
        [.. rows.Take(size).Select(r => Decode(r, columns))];

    private static IReadOnlyDictionary<string, string?> Decode(byte[] row, IReadOnlyList<string> columns)
    {
        var values = RowCodec.Decode(row, columns.Count);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; values is not null && i < columns.Count; i++)
        {
            result[columns[i]] = values[i].Tag == ValueTag.Null ? null : values[i].Text;
        }
        return result;
    }
}
