using LineageHub.Core.Lineage.Diff;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// The exact difference of two table files whose columns may differ: rows are compared over the columns
/// both sides have, by key when both use the same key, else as multisets — so dropping a column reports the
/// dropped column and the rows whose remaining values changed, not every row as changed. A column whose
/// values are of other types (tags) on the two sides is retyped. Both tables' rows are held while comparing:
/// with other columns every chunk differs, so no chunk can be skipped.
/// </summary>
public static class SharedColumnsDiff
{
    /// <summary>The two snapshots (their roots say whether the files still are the registered versions), and the rows and column types compared.</summary>
    public sealed record Result(TableSnapshot Before, TableSnapshot After, ExactRowDiff Rows, IReadOnlyList<ColumnRetype> Retyped);

    public static Result Compare(TableSnapshotRequest before, TableSnapshotRequest after, int sampleSize = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (first, oldRows) = Read(before, cancellationToken);
        var (second, newRows) = Read(after, cancellationToken);
        var oldColumns = first.Schema.SortedNames;
        var newColumns = second.Schema.SortedNames;
        var shared = oldColumns.Intersect(newColumns, StringComparer.Ordinal).ToList();
        var oldAt = shared.Select(c => IndexOf(oldColumns, c)).ToArray();
        var newAt = shared.Select(c => IndexOf(newColumns, c)).ToArray();
        var keyed = first.Schema.Key is { } key && key == second.Schema.Key && shared.Contains(key, StringComparer.Ordinal);
        var keyAt = keyed ? shared.IndexOf(first.Schema.Key!) : -1;

        var old = oldRows.Select(r => Decode(r, oldColumns.Count)).ToList();
        var now = newRows.Select(r => Decode(r, newColumns.Count)).ToList();
        var retyped = Retyped(shared, old, oldAt, now, newAt);
        var sample = new List<RowSample>();
        long added = 0, removed = 0, changed = 0;
        if (keyed)
        {
            var byKey = new Dictionary<string, CanonicalValue[]>(StringComparer.Ordinal);
            foreach (var row in old)
            {
                byKey[Identity(row[oldAt[keyAt]])] = row;
            }
            var changedSample = new List<RowSample>();
            var addedSample = new List<RowSample>();
            foreach (var row in now)
            {
                if (byKey.Remove(Identity(row[newAt[keyAt]]), out var previous))
                {
                    if (!SameShared(previous, oldAt, row, newAt))
                    {
                        changed++;
                        AddSample(changedSample, new RowSample(Values(previous, oldColumns), Values(row, newColumns)), sampleSize);
                    }
                }
                else
                {
                    added++;
                    AddSample(addedSample, new RowSample(null, Values(row, newColumns)), sampleSize);
                }
            }
            removed = byKey.Count;
            sample.AddRange(changedSample);
            sample.AddRange(addedSample);
            sample.AddRange(byKey.Values.Take(sampleSize).Select(r => new RowSample(Values(r, oldColumns), null)));
        }
        else
        {
            var counts = new Dictionary<string, (CanonicalValue[] Row, int Count)>(StringComparer.Ordinal);
            foreach (var row in old)
            {
                var id = Projected(row, oldAt);
                counts[id] = (row, counts.GetValueOrDefault(id).Count + 1);
            }
            foreach (var row in now)
            {
                var id = Projected(row, newAt);
                if (counts.TryGetValue(id, out var held) && held.Count > 0)
                {
                    counts[id] = (held.Row, held.Count - 1);
                }
                else
                {
                    added++;
                    AddSample(sample, new RowSample(null, Values(row, newColumns)), sampleSize);
                }
            }
            var left = counts.Values.Where(v => v.Count > 0).ToList();
            removed = left.Sum(v => (long)v.Count);
            sample.AddRange(left.Take(sampleSize).Select(v => new RowSample(Values(v.Row, oldColumns), null)));
        }
        return new Result(first, second, new ExactRowDiff(added, removed, changed, shared, sample), retyped);
    }

    private static (TableSnapshot Snapshot, List<byte[]> Rows) Read(TableSnapshotRequest request, CancellationToken cancellationToken)
    {
        var rows = new List<byte[]>();
        var gate = new Lock();
        var snapshot = TableSnapshotter.Snapshot(request with
        {
            ChunkRows = (_, chunk) =>
            {
                lock (gate)
                {
                    rows.AddRange(chunk);
                }
            },
        }, cancellationToken);
        return (snapshot, rows);
    }

    private static List<ColumnRetype> Retyped(List<string> shared, List<CanonicalValue[]> old, int[] oldAt, List<CanonicalValue[]> now, int[] newAt)
    {
        var retyped = new List<ColumnRetype>();
        for (var i = 0; i < shared.Count; i++)
        {
            var before = Tags(old, oldAt[i]);
            var after = Tags(now, newAt[i]);
            if (!before.SequenceEqual(after))
            {
                retyped.Add(new ColumnRetype(shared[i], before, after));
            }
        }
        return retyped;
    }

    // The types a column's values have, nulls aside (a column that gained nulls is not retyped).
    private static List<string> Tags(List<CanonicalValue[]> rows, int column) =>
        [.. rows.Select(r => r[column].Tag).Where(t => t != ValueTag.Null).Distinct().Select(t => ((char)t).ToString()).Order(StringComparer.Ordinal)];

    private static CanonicalValue[] Decode(byte[] row, int columns) =>
        RowCodec.Decode(row, columns) is { } values ? [.. values] : throw new InvalidOperationException("the snapshotter produced a row that does not decode");

    private static bool SameShared(CanonicalValue[] a, int[] aAt, CanonicalValue[] b, int[] bAt)
    {
        for (var i = 0; i < aAt.Length; i++)
        {
            if (a[aAt[i]] != b[bAt[i]])
            {
                return false;
            }
        }
        return true;
    }

    private static string Identity(CanonicalValue value) => $"{(char)value.Tag}:{value.Text}";

    private static string Projected(CanonicalValue[] row, int[] at) => string.Join('\u001f', at.Select(i => Identity(row[i])));

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static IReadOnlyDictionary<string, string?> Values(CanonicalValue[] row, IReadOnlyList<string> columns)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            values[columns[i]] = row[i].Tag == ValueTag.Null ? null : row[i].Text;
        }
        return values;
    }

    private static void AddSample(List<RowSample> sample, RowSample row, int size)
    {
        if (sample.Count < size)
        {
            sample.Add(row);
        }
    }
}
