using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.Client;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Snapshots;

namespace LineageHub.Cli;

public sealed partial class SnapshotCommand
{
    private Command BuildDiff()
    {
        var options = new StoreOptions();
        var read = new TableReadOptions();
        var before = new Argument<string>("old") { Description = "A file or folder, or a registered version: NAMESPACE/NAME@ROOT or dataset_version:…" };
        var after = new Argument<string>("new") { Description = "The same, for the newer side" };
        var sample = new Option<int>("--sample") { Description = "How many rows of each kind of change to show (files only)", DefaultValueFactory = _ => 5 };
        var command = new Command("diff", "Compare two snapshots: two registered versions from their stored chunk lists alone (changed key ranges, rows as far as chunks tell), or two files exactly (rows added, removed and changed by key, with a sample).")
        {
            before, after, sample,
        };
        read.AddTo(command);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var oldText = parse.GetValue(before)!;
            var newText = parse.GetValue(after)!;
            var oldIsPath = File.Exists(oldText) || Directory.Exists(oldText);
            var newIsPath = File.Exists(newText) || Directory.Exists(newText);
            SnapshotDiffJson result;
            if (oldIsPath && newIsPath)
            {
                result = DiffPaths(read, parse, oldText, newText, parse.GetValue(sample), parse.GetValue(options.Data), ct);
            }
            else
            {
                await using var service = await options.OpenAsync(parse, ct);
                // Registered sides first: a file on the other side is then snapshotted as that version was.
                var oldSide = oldIsPath ? default : await LoadAsync(service, oldText, ct);
                var newSide = newIsPath ? default : await LoadAsync(service, newText, ct);
                if (oldIsPath)
                {
                    oldSide = Stored(read, parse, oldText, newSide.Metadata, parse.GetValue(options.Data), ct);
                }
                if (newIsPath)
                {
                    newSide = Stored(read, parse, newText, oldSide.Metadata, parse.GetValue(options.Data), ct);
                }
                result = DiffStored(oldSide.Root, oldSide.Mode, oldSide.Metadata, newSide.Root, newSide.Mode, newSide.Metadata);
            }
            result = result with { Milliseconds = Math.Round(watch.Elapsed.TotalMilliseconds, 2) };
            Output.Print(parse.GetValue(options.Json), result, DescribeDiff);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SnapshotDiffJson DiffPaths(TableReadOptions read, ParseResult parse, string oldPath, string newPath, int sample, string? data, CancellationToken ct)
    {
        var oldRequest = read.Request(parse, oldPath, data);
        var newRequest = read.Request(parse, newPath, data, oldRequest.Mode);
        if (oldRequest.Mode == SnapshotMode.Table)
        {
            var diff = TableFileDiff.Compare(oldRequest.ForTable(), newRequest.ForTable(), sample, ct);
            var c = diff.Chunks;
            return Empty("files", "table", diff.RootBefore.ToString(), diff.RootAfter.ToString(), diff.RootBefore == diff.RootAfter) with
            {
                ChunksBefore = c.ChunksBefore, ChunksAfter = c.ChunksAfter, ChunksTouched = c.ChunksTouched, RowsRemoved = c.RowsRemoved, RowsAdded = c.RowsAdded, Ranges = c.Ranges,
                Added = diff.Added, Removed = diff.Removed, Changed = diff.Changed, AddedSample = diff.AddedSample, RemovedSample = diff.RemovedSample, ChangedSample = diff.ChangedSample,
            };
        }
        var a = Take(oldRequest, ct);
        var b = Take(newRequest, ct);
        return DiffStored(a.Root.ToString(), "raw", a.Metadata(), b.Root.ToString(), "raw", b.Metadata());
    }

    // A file on one side of a diff against a registered version is snapshotted as that version was: same mode and key.
    private static (string Root, string Mode, JsonElement Metadata) Stored(TableReadOptions read, ParseResult parse, string path, JsonElement other, string? data, CancellationToken ct)
    {
        var mode = other is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("mode", out var m) ? (m.GetString() == "raw" ? SnapshotMode.Raw : SnapshotMode.Table) : (SnapshotMode?)null;
        var key = other is { ValueKind: JsonValueKind.Object } k && k.TryGetProperty("key", out var keyElement) && keyElement.ValueKind == JsonValueKind.String ? keyElement.GetString() : null;
        var snapshot = Take(read.Request(parse, path, data, mode, key), ct);
        return (snapshot.Root.ToString(), snapshot.Mode == SnapshotMode.Raw ? "raw" : "table", snapshot.Metadata());
    }

    private static async Task<(string Root, string Mode, JsonElement Metadata)> LoadAsync(ILineageService service, string reference, CancellationToken ct)
    {
        var id = reference;
        if (!reference.StartsWith("dataset_version:", StringComparison.Ordinal))
        {
            var at = reference.LastIndexOf('@');
            if (at <= 0)
            {
                throw LineageHubException.NotFound($"'{reference}' is neither a file nor a registered version (NAMESPACE/NAME@ROOT or dataset_version:NAMESPACE|NAME|ROOT)");
            }
            var (ns, name) = DatasetName.Parse(reference[..at]);
            id = NodeKey.Of(NodeKind.DatasetVersion, ns, name, reference[(at + 1)..]).ToString();
        }
        var node = await service.FindNodeAsync(id, ct) ?? throw LineageHubException.NotFound($"no registered version {id}");
        var version = node.Props.Deserialize<DatasetVersion>(NodeCodec.Options)!;
        if (version.Snapshot is not { } metadata)
        {
            throw LineageHubException.InvalidInput($"{id} was registered without snapshot metadata; it cannot be diffed");
        }
        return (version.Root.ToString(), version.Mode == SnapshotMode.Raw ? "raw" : "table", metadata);
    }

    private static SnapshotDiffJson DiffStored(string oldRoot, string oldMode, JsonElement oldMeta, string newRoot, string newMode, JsonElement newMeta)
    {
        if (oldMode != newMode)
        {
            throw LineageHubException.InvalidInput($"a {oldMode} snapshot cannot be diffed against a {newMode} one");
        }
        var result = Empty("versions", oldMode, oldRoot, newRoot, oldRoot == newRoot);
        if (oldMode == "table")
        {
            var c = SnapshotDiff.Compare(DatasetSnapshot.ChunksOf(oldMeta) ?? [], DatasetSnapshot.ChunksOf(newMeta) ?? []);
            return result with { ChunksBefore = c.ChunksBefore, ChunksAfter = c.ChunksAfter, ChunksTouched = c.ChunksTouched, RowsRemoved = c.RowsRemoved, RowsAdded = c.RowsAdded, Ranges = c.Ranges };
        }
        if (oldMeta.TryGetProperty("files", out var oldFiles) && newMeta.TryGetProperty("files", out var newFiles))
        {
            var (added, removed, changed) = RawDiff.Files(Files(oldFiles), Files(newFiles));
            return result with { FilesAdded = added, FilesRemoved = removed, FilesChanged = changed };
        }
        if (oldMeta.TryGetProperty("leaves", out var oldLeaves) && newMeta.TryGetProperty("leaves", out var newLeaves))
        {
            return result with { ChangedRawChunks = RawDiff.Chunks(Strings(oldLeaves), Strings(newLeaves)) };
        }
        return result;
    }

    private static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];

    private static IReadOnlyList<RawDirectoryEntry> Files(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new RawDirectoryEntry(e.GetProperty("path").GetString()!, e.GetProperty("size").GetInt64(), Core.Hashing.Digest.Parse(e.GetProperty("root").GetString()!)))];

    private static SnapshotDiffJson Empty(string compared, string mode, string before, string after, bool identical) =>
        new(compared, mode, before, after, identical, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0);

    private static string DescribeDiff(SnapshotDiffJson d)
    {
        var text = new StringBuilder();
        text.Append(d.Identical ? "identical: " : "different: ").Append(d.RootBefore).Append(" → ").Append(d.RootAfter).Append('\n');
        if (d.ChunksTouched is { } touched)
        {
            text.Append(CultureInfo.InvariantCulture, $"chunks   {touched} touched ({d.ChunksBefore} before, {d.ChunksAfter} after); as far as chunks tell, {d.RowsRemoved} rows out, {d.RowsAdded} in\n");
            foreach (var r in d.Ranges ?? [])
            {
                var keys = r.FirstKey is null ? "" : $"keys {r.FirstKey} … {r.LastKey}: ";
                text.Append(CultureInfo.InvariantCulture, $"  {keys}{r.RowsBefore} rows in {r.ChunksBefore} chunks → {r.RowsAfter} rows in {r.ChunksAfter} chunks\n");
            }
        }
        if (d.Added is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"rows     {d.Added} added, {d.Removed} removed, {d.Changed} changed\n");
            foreach (var row in d.AddedSample ?? [])
            {
                text.Append("  + ").Append(JsonSerializer.Serialize(row)).Append('\n');
            }
            foreach (var row in d.RemovedSample ?? [])
            {
                text.Append("  - ").Append(JsonSerializer.Serialize(row)).Append('\n');
            }
            foreach (var row in d.ChangedSample ?? [])
            {
                text.Append("  ~ ").Append(JsonSerializer.Serialize(row.Before)).Append(" → ").Append(JsonSerializer.Serialize(row.After)).Append('\n');
            }
        }
        if (d.ChangedRawChunks is { } raw)
        {
            text.Append(CultureInfo.InvariantCulture, $"chunks   {raw.Count} of 1 MiB differ{(raw.Count == 0 ? "" : ": " + string.Join(", ", raw.Take(20)))}\n");
        }
        if (d.FilesAdded is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"files    {d.FilesAdded.Count} added, {d.FilesRemoved!.Count} removed, {d.FilesChanged!.Count} changed\n");
            foreach (var f in d.FilesAdded)
            {
                text.Append("  + ").Append(f).Append('\n');
            }
            foreach (var f in d.FilesRemoved)
            {
                text.Append("  - ").Append(f).Append('\n');
            }
            foreach (var f in d.FilesChanged!)
            {
                text.Append("  ~ ").Append(f).Append('\n');
            }
        }
        text.Append(CultureInfo.InvariantCulture, $"time     {d.Milliseconds:F1} ms");
        return text.ToString();
    }
}
