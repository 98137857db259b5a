using System.CommandLine;
using System.Text;
using LineageHub.Client;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Runs;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub run register MANIFEST</c> records a run from its manifest in one change set;
/// <c>lineagehub run show RUN_ID</c> prints a run with its inputs, code and outputs.
/// </summary>
public sealed class RunCommands : ICliVerb
{
    public int Order => 40;

    public Command Build() => new("run", "Register training and ETL runs from their manifests, and show them.")
    {
        BuildRegister(),
        BuildShow(),
    };

    private static Command BuildRegister()
    {
        var options = new StoreOptions();
        var manifest = new Argument<string>("manifest") { Description = "The run manifest, JSON or YAML (.yaml/.yml); see schema/run-manifest.schema.json" };
        var saltKey = new Option<string?>("--salt-key") { Description = "The table-mode salt key file for inputs snapshotted now (default: $LINEAGEHUB_SNAPSHOT_KEY or snapshot-salt.key in the data folder)" };
        var threads = new Option<int?>("--threads") { Description = "Hashing threads for snapshots (default: one per core)" };
        var command = new Command("register", "Snapshot the inputs and outputs the manifest names by path, capture its commit, and record the run, all in one change set; the same manifest again changes nothing.")
        {
            manifest, saltKey, threads,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = RunManifestReader.ReadFile(parse.GetValue(manifest)!);
            await using var service = await options.OpenAsync(parse, ct);
            var dataDirectory = parse.GetValue(options.Data);
            var preparer = new ManifestPreparer(service, (path, mode, key) => SnapshotRequestFor(path, mode, key, parse.GetValue(saltKey), dataDirectory, parse.GetValue(threads)));
            var registration = await preparer.PrepareAsync(run, ct);
            Api.Contracts.AppendResultJson result;
            try
            {
                result = await service.RegisterRunAsync(registration, ct);
            }
            catch (LineageHubException ex) when (ex.Code == ErrorCode.Conflict && !run.RunIdWasGiven)
            {
                throw LineageHubException.Conflict($"{ex.Message} (the manifest gives no run.id, so the id was derived from its text; what it points at changed since: give run.id to record a new run)");
            }
            foreach (var warning in preparer.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }
            var recorded = new RunRegisteredJson(
                new RunId(run.RunId).Key.ToString(), result.Changed, result.Seq, result.NodesCreated, result.EdgesCreated, result.Message,
                registration.Inputs ?? [], registration.Outputs ?? [],
                registration.Code?.Commit, registration.Model is { } m ? new ModelVersionId(new ModelId(m.Name), m.Version).Key.ToString() : null,
                preparer.Warnings);
            Output.Print(parse.GetValue(options.Json), recorded, Describe);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SnapshotRequest SnapshotRequestFor(string path, SnapshotMode? mode, string? key, string? saltKey, string? dataDirectory, int? threads)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw LineageHubException.NotFound($"no file or folder {path} to snapshot");
        }
        var chosen = mode ?? SnapshotRequest.DefaultMode(path);
        return new SnapshotRequest(path, chosen)
        {
            SaltKey = chosen == SnapshotMode.Table ? SnapshotSaltKeyFile.Load(saltKey, dataDirectory) : null,
            Format = chosen == SnapshotMode.Table ? TableFormats.Parse(null, path) : null,
            Csv = CsvOptions.Parse(null, null, tab: path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)),
            Key = key,
            Parallelism = Math.Max(1, threads ?? Environment.ProcessorCount),
        };
    }

    private static Command BuildShow()
    {
        var options = new StoreOptions();
        var id = new Argument<string>("run-id") { Description = "The run's UUID (or its node id, run:UUID)" };
        var command = new Command("show", "Print a run: its job, record, inputs, code and outputs.") { id };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            Output.Print(parse.GetValue(options.Json), await ShowAsync(service, RunKey(parse.GetValue(id)!), ct), DescribeRun);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<RunShowJson> ShowAsync(ILineageService service, string runKey, CancellationToken cancellationToken)
    {
        var run = await Neighbours.OfAsync(service, runKey, cancellationToken);
        var produced = new List<ModelVersionShowJson>();
        foreach (var version in run.Out("PRODUCED"))
        {
            var node = await service.FindNodeAsync(version, cancellationToken);
            produced.Add(new ModelVersionShowJson(version, node!.Props, runKey));
        }
        var code = run.Out("USED_CODE");
        return new RunShowJson(
            runKey,
            run.Out("RUN_OF").FirstOrDefault(),
            run.Node.Props,
            run.Out("READ"),
            run.Out("WROTE"),
            code.FirstOrDefault(c => c.StartsWith("commit:", StringComparison.Ordinal)),
            [.. code.Where(c => c.StartsWith("source_file:", StringComparison.Ordinal))],
            produced);
    }

    private static string RunKey(string text)
    {
        var id = text.StartsWith("run:", StringComparison.Ordinal) ? text[4..] : text;
        return Guid.TryParse(id, out var guid)
            ? new RunId(guid).Key.ToString()
            : throw LineageHubException.InvalidInput($"'{text}' is not a run id (a UUID)");
    }

    private static string Describe(RunRegisteredJson r)
    {
        var text = new StringBuilder();
        text.Append(r.Changed ? $"registered {r.Run} as ledger entry {r.Seq}" : $"{r.Run} is already registered exactly so: nothing changed");
        foreach (var input in r.Inputs)
        {
            text.Append("\n  read  ").Append(input);
        }
        foreach (var output in r.Outputs)
        {
            text.Append("\n  wrote ").Append(output);
        }
        if (r.Commit is not null)
        {
            text.Append("\n  code  ").Append(r.Commit);
        }
        if (r.ModelVersion is not null)
        {
            text.Append("\n  model ").Append(r.ModelVersion);
        }
        return text.ToString();
    }

    internal static string DescribeRun(RunShowJson r)
    {
        var text = new StringBuilder();
        text.Append(r.Id).Append(" (").Append(r.Job ?? "no job").Append(')');
        text.Append("\n  status     ").Append(r.Run.TryGetProperty("status", out var status) ? status.ToString() : "?");
        foreach (var name in new[] { "startedAt", "endedAt" })
        {
            if (r.Run.TryGetProperty(name, out var time) && time.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                text.Append("\n  ").Append(name.PadRight(10)).Append(' ').Append(time.GetString());
            }
        }
        foreach (var (title, map) in new[] { ("parameter", "parameters"), ("env", "environment") })
        {
            if (r.Run.TryGetProperty(map, out var values) && values.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var pair in values.EnumerateObject())
                {
                    text.Append("\n  ").Append(title.PadRight(10)).Append(' ').Append(pair.Name).Append(" = ").Append(pair.Value.ToString());
                }
            }
        }
        text.Append(string.Concat(r.Inputs.Select(i => "\n  read       " + i)));
        text.Append(string.Concat(r.Outputs.Select(o => "\n  wrote      " + o)));
        if (r.Commit is not null)
        {
            text.Append("\n  code       ").Append(r.Commit).Append($" ({r.Files.Count} files)");
        }
        text.Append(string.Concat(r.Produced.Select(m => "\n  produced   " + m.Id)));
        return text.ToString();
    }
}
