using System.Diagnostics;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Datasets;

/// <summary>Snapshots a file or folder in raw or table mode: the one entry point the CLI and scheduled verification use.</summary>
public static class DatasetSnapshotter
{
    public static DatasetSnapshot Snapshot(SnapshotRequest request, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var path = request.Path;
        var isDirectory = System.IO.Directory.Exists(path);
        if (!isDirectory && !File.Exists(path))
        {
            throw LineageHubException.NotFound(DatasetMessages.NotFound(path));
        }
        if (request.Mode == SnapshotMode.Raw)
        {
            if (isDirectory)
            {
                var directory = RawDirectoryHasher.Hash(path, request.Parallelism, request.Progress, cancellationToken);
                return new DatasetSnapshot(path, SnapshotMode.Raw, "directory", directory.Root, directory.Files.Count, directory.Files.Count, directory.Size, watch.Elapsed) { Directory = directory };
            }
            var file = RawFileHasher.Hash(path, request.Parallelism, request.Progress, cancellationToken);
            return new DatasetSnapshot(path, SnapshotMode.Raw, "file", file.Root, file.Chunks, file.Chunks, file.Size, watch.Elapsed) { File = file };
        }
        if (isDirectory)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.UnknownFormat(path));
        }
        var table = TableSnapshotter.Snapshot(request.ForTable(), cancellationToken);
        var format = (request.Format ?? TableFormats.Parse(null, path)) switch
        {
            TableFormat.Csv => "csv",
            TableFormat.JsonLines => "jsonl",
            _ => "parquet",
        };
        return new DatasetSnapshot(path, SnapshotMode.Table, format, table.Root, table.RowCount, table.Chunks.Count, new FileInfo(path).Length, watch.Elapsed) { Table = table, Csv = request.Csv, AllowDuplicateKeys = request.AllowDuplicateKeys };
    }
}
