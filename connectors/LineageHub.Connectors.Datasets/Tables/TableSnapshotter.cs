using LineageHub.Core;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// Table mode over one file: reads rows, orders them by the key when one is given, refuses duplicate
/// keys unless allowed, and hashes them with <see cref="TableSnapshotBuilder"/>. Input already in key
/// order (the common case) streams in one pass; otherwise the file is read again and sorted in memory.
/// </summary>
public static partial class TableSnapshotter
{
    public static TableSnapshot Snapshot(TableSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        var before = FileStamp.Of(request.Path);
        request.Progress?.AddTotal(before.Size);
        var snapshot = request.Key is null ? Stream(request, cancellationToken) : (TryStreamInKeyOrder(request, cancellationToken) ?? Sorted(request, cancellationToken));
        FileStamp.Check(request.Path, before);
        if (request.ProveRow is { } row && snapshot.Proof is null)
        {
            throw LineageHubException.NotFound(DatasetMessages.NoSuchRow(request.Path, row, snapshot.RowCount));
        }
        if (request.ProveKey is { } key && snapshot.Proof is null)
        {
            throw LineageHubException.NotFound(DatasetMessages.NoSuchKey(request.Path, request.Key ?? "(no --key)", key));
        }
        request.Progress?.Set(request.Progress.Total);
        return snapshot;
    }

    internal static IRowSource Open(TableSnapshotRequest request)
    {
        var format = request.Format ?? TableFormats.Parse(null, request.Path);
        var stream = DatasetFiles.OpenRead(request.Path, bufferSize: 0);
        try
        {
            return format switch
            {
                TableFormat.Csv => new CsvRowSource(request.Path, stream, request.Csv),
                TableFormat.JsonLines => new JsonLinesRowSource(request.Path, stream),
                _ => new ParquetRowSource(request.Path, stream),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static TableSnapshotBuilder Builder(TableSchema schema, TableSnapshotRequest request) =>
        new(schema, request.SaltKey, new TableSnapshotOptions { Parallelism = request.Parallelism, ProveRow = request.ProveRow, ChunkRows = request.ChunkRows });

    private static TableSnapshot Stream(TableSnapshotRequest request, CancellationToken cancellationToken)
    {
        using var source = Open(request);
        var schema = new TableSchema(source.Columns, null, request.Path);
        var writer = new RowWriter(schema);
        var builder = Builder(schema, request);
        while (source.Next(writer))
        {
            builder.Add(writer.Row, default);
            Report(source, builder.RowCount, request, cancellationToken);
        }
        return builder.Complete();
    }

    private static void Report(IRowSource source, long rows, TableSnapshotRequest request, CancellationToken cancellationToken)
    {
        if ((rows & 4095) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.BytesRead > 0)
            {
                request.Progress?.Set(source.BytesRead);
            }
        }
    }
}
