using LineageHub.Core;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

public static partial class TableSnapshotter
{
    // One pass while the keys arrive in order; null as soon as one does not, so the caller sorts instead.
    private static TableSnapshot? TryStreamInKeyOrder(TableSnapshotRequest request, CancellationToken cancellationToken)
    {
        using var source = Open(request);
        var schema = new TableSchema(source.Columns, request.Key, request.Path);
        var writer = new RowWriter(schema);
        var builder = Builder(schema, request);
        var target = request.ProveKey is null ? null : RowCodec.KeyOf(request.ProveKey);
        var previous = new ByteBuffer();
        var previousPosition = 0L;
        var first = true;
        while (source.Next(writer))
        {
            var key = writer.Key;
            if (!first)
            {
                var order = RowCodec.CompareKeys(previous.Span, key);
                if (order > 0)
                {
                    return null;
                }
                if (order == 0 && !request.AllowDuplicateKeys)
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.DuplicateKey(request.Path, request.Key!, RowCodec.KeyText(key), source.Describe(previousPosition), source.Describe(source.PositionToken)));
                }
            }
            first = false;
            previous.Clear();
            previous.Append(key);
            previousPosition = source.PositionToken;
            if (target is not null && key.SequenceEqual(target) && builder.RowCount >= 0)
            {
                builder.ProveNextRow();
                target = null;
            }
            builder.Add(writer.Row, key);
            Report(source, builder.RowCount, request, cancellationToken);
        }
        return builder.Complete();
    }

    private static TableSnapshot Sorted(TableSnapshotRequest request, CancellationToken cancellationToken)
    {
        using var source = Open(request);
        var schema = new TableSchema(source.Columns, request.Key, request.Path);
        var writer = new RowWriter(schema);
        var rows = new List<HeldRow>();
        while (source.Next(writer))
        {
            var row = writer.Row.ToArray();
            var keyStart = writer.Row.Length - writer.Key.Length - Tail(writer);
            rows.Add(new HeldRow(row, keyStart, writer.Key.Length, rows.Count, source.PositionToken));
            Report(source, rows.Count, request, cancellationToken);
        }
        // Ties (allowed duplicates) keep file order, so the sort is stable.
        rows.Sort((a, b) =>
        {
            var order = RowCodec.CompareKeys(a.Key, b.Key);
            return order != 0 ? order : a.Ordinal.CompareTo(b.Ordinal);
        });
        var builder = Builder(schema, request);
        var target = request.ProveKey is null ? null : RowCodec.KeyOf(request.ProveKey);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && !request.AllowDuplicateKeys && rows[i].Key.SequenceEqual(rows[i - 1].Key))
            {
                var (a, b) = rows[i - 1].Ordinal < rows[i].Ordinal ? (rows[i - 1], rows[i]) : (rows[i], rows[i - 1]);
                throw LineageHubException.InvalidInput(DatasetMessages.DuplicateKey(request.Path, request.Key!, RowCodec.KeyText(rows[i].Key), source.Describe(a.Position), source.Describe(b.Position)));
            }
            if (target is not null && rows[i].Key.SequenceEqual(target))
            {
                builder.ProveNextRow();
                target = null;
            }
            builder.Add(rows[i].Row, rows[i].Key);
        }
        return builder.Complete();
    }

    // The writer's key is a slice of its row; the bytes after the key column are the rest of the row.
    private static unsafe int Tail(RowWriter writer)
    {
        fixed (byte* row = writer.Row, key = writer.Key)
        {
            return writer.Row.Length - (int)(key - row) - writer.Key.Length;
        }
    }

    private sealed record HeldRow(byte[] Row, int KeyStart, int KeyLength, int Ordinal, long Position)
    {
        public ReadOnlySpan<byte> Key => Row.AsSpan(KeyStart, KeyLength);
    }
}
