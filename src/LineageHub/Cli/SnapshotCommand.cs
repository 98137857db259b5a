using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.Client;
using LineageHub.Connectors.Datasets;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub snapshot PATH</c>: the Merkle fingerprint of a file or folder (schema/snapshot.md), and
/// with <c>--register</c> a dataset version recorded with its chunk list; <c>snapshot diff</c> compares two.
/// </summary>
public sealed partial class SnapshotCommand : ICliVerb
{
    public int Order => 40;

    public Command Build()
    {
        var options = new StoreOptions();
        var read = new TableReadOptions();
        var path = new Argument<string>("path") { Description = "A file or folder" };
        var register = new Option<bool>("--register") { Description = "Record the snapshot as a dataset version (needs --dataset)" };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset it is a version of, NAMESPACE/NAME" };
        var label = new Option<string?>("--label") { Description = "A label for the version (e.g. v3)" };
        var source = new Option<string?>("--source") { Description = "The source system that supplied it" };
        var storageUri = new Option<string?>("--storage-uri") { Description = "Where the data lives, for scheduled re-verification (default: the path as a file: URI)" };
        var subjects = new SubjectOptions();
        var command = new Command("snapshot", "Fingerprint a file or folder: raw mode (1 MiB chunks) or table mode (canonical rows in content-defined chunks); print root, counts, bytes and timing, and with --register record a dataset version.")
        {
            path, register, dataset, label, source, storageUri,
        };
        read.AddTo(command);
        subjects.AddTo(command);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            if (parse.GetValue(register) && parse.GetValue(dataset) is null)
            {
                throw LineageHubException.InvalidInput("--register needs --dataset NAMESPACE/NAME");
            }
            var snapshot = Take(read.Request(parse, target, parse.GetValue(options.Data)), ct);
            SnapshotRegistrationJson? registered = null;
            if (subjects.Given(parse) && !parse.GetValue(register))
            {
                throw LineageHubException.InvalidInput("--subject-column records a subject set with the version, so it needs --register");
            }
            if (parse.GetValue(register) && subjects.Given(parse))
            {
                var (ns, name) = DatasetName.Parse(parse.GetValue(dataset)!);
                var uri = parse.GetValue(storageUri) ?? new Uri(Path.GetFullPath(target)).AbsoluteUri;
                registered = await RegisterWithSubjectsAsync(options, parse, subjects.Read(parse, target, parse.GetValue(read.Format), parse.GetValue(read.Delimiter)),
                    snapshot.ToDatasetVersion(ns, name, parse.GetValue(label), uri), parse.GetValue(source), ct);
            }
            else if (parse.GetValue(register))
            {
                var (ns, name) = DatasetName.Parse(parse.GetValue(dataset)!);
                await using var service = await options.OpenAsync(parse, ct);
                var uri = parse.GetValue(storageUri) ?? new Uri(Path.GetFullPath(target)).AbsoluteUri;
                registered = await RegisterAsync(service, snapshot.ToDatasetVersion(ns, name, parse.GetValue(label), uri), parse.GetValue(source), ct);
            }
            Output.Print(parse.GetValue(options.Json), ToJson(snapshot, registered), Describe);
            return ExitCodes.Ok;
        });
        command.Add(BuildDiff());
        return command;
    }

    internal static DatasetSnapshot Take(SnapshotRequest request, CancellationToken cancellationToken)
    {
        var progress = new SnapshotProgress();
        using var bar = new ProgressBar(progress);
        return DatasetSnapshotter.Snapshot(request with { Progress = progress }, cancellationToken);
    }

    private static async Task<SnapshotRegistrationJson> RegisterAsync(ILineageService service, DatasetVersion version, string? source, CancellationToken cancellationToken)
    {
        var nodes = new List<object>();
        var edges = new List<object>();
        var dataset = new Dataset(version.Namespace, version.Name);
        // An existing dataset or source node is linked to as it is: re-stating it could conflict with a description it has.
        if (await service.FindNodeAsync(dataset.Key.ToString(), cancellationToken) is null)
        {
            nodes.Add(Node(dataset));
        }
        nodes.Add(Node(version));
        edges.Add(new { kind = "VERSION_OF", from = version.Key.ToString(), to = dataset.Key.ToString() });
        if (source is not null)
        {
            var system = new SourceSystem(source, SourceSystemKind.Internal);
            if (await service.FindNodeAsync(system.Key.ToString(), cancellationToken) is null)
            {
                nodes.Add(Node(system));
            }
            edges.Add(new { kind = "SUPPLIED_BY", from = version.Key.ToString(), to = system.Key.ToString() });
        }
        var changeSet = JsonSerializer.SerializeToUtf8Bytes(new { actor = "lineagehub snapshot", nodes, edges });
        var result = await service.AppendAsync(changeSet, cancellationToken);
        return new SnapshotRegistrationJson(version.Key.ToString(), result.Changed, result.Seq, result.Message);
    }

    private static object Node(INode node) => new { id = node.Key.ToString(), props = JsonSerializer.SerializeToElement(node, node.GetType(), NodeCodec.Options) };

    private static SnapshotJson ToJson(DatasetSnapshot s, SnapshotRegistrationJson? registered)
    {
        var seconds = s.Elapsed.TotalSeconds;
        return new SnapshotJson(s.Path, s.Root.ToString(), s.Mode == SnapshotMode.Raw ? "raw" : "table", s.Format, s.LeafCount, s.Table?.RowCount, s.ChunkCount, s.Bytes,
            s.SchemaFingerprint?.ToString(), s.Table?.Schema.SortedNames, s.Table?.Schema.Key, Math.Round(seconds, 3), Math.Round(s.Bytes / 1e6 / Math.Max(seconds, 1e-6), 1), registered);
    }

    private static string Describe(SnapshotJson s)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"root     {s.Root}\n");
        text.Append(CultureInfo.InvariantCulture, $"mode     {s.Mode} ({s.Format}){(s.Key is null ? "" : $", rows ordered by {s.Key}")}\n");
        text.Append(s.Rows is { } rows
            ? string.Create(CultureInfo.InvariantCulture, $"rows     {rows:N0} in {s.Chunks:N0} chunks\n")
            : string.Create(CultureInfo.InvariantCulture, $"leaves   {s.Leaves:N0} {(s.Format == "directory" ? "files" : "chunks of 1 MiB")}\n"));
        text.Append(CultureInfo.InvariantCulture, $"bytes    {s.Bytes:N0}\n");
        if (s.SchemaFingerprint is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"schema   {s.SchemaFingerprint} ({s.Columns!.Count} columns: {string.Join(", ", s.Columns)})\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"time     {s.Seconds:F3} s ({s.MegabytesPerSecond:F1} MB/s)");
        if (s.Registered is { } r)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nversion  {r.Id}\n         {r.Message}");
        }
        return text.ToString();
    }
}
