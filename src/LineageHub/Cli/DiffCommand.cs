using System.CommandLine;
using LineageHub.Api;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Lineage;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Diff;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub diff V1 V2</c>: what changed upstream between two model versions (or two runs, or two
/// dataset versions) — data, code, parameters, structure — root causes first; as text, JSON or an HTML
/// report with both lineage graphs drawn side by side.
/// </summary>
public sealed class DiffCommand : ICliVerb
{
    public int Order => 47;

    public Command Build()
    {
        var options = new StoreOptions();
        var from = new Argument<string>("v1") { Description = "The older side: MODEL@VERSION, a run id, NAMESPACE/NAME@ROOT for a dataset version, or a node id kind:key" };
        var to = new Argument<string>("v2") { Description = "The newer side, of the same kind" };
        var html = new Option<string?>("--html") { Description = "Also write an HTML report (both lineage graphs side by side, changes highlighted) to this file" };
        var withData = new Option<bool>("--with-data") { Description = "Compare exact rows of changed table versions whose files are reachable from here" };
        var repos = new Option<string[]>("--repo") { Description = "A checkout of a repository the runs used, for line counts of changed files (repeatable; the current folder is tried too)", AllowMultipleArgumentsPerToken = false };
        var depth = new Option<int?>("--depth") { Description = "How many edges upstream to compare" };
        var maxNodes = new Option<int?>("--max-nodes") { Description = "The most nodes to walk on each side" };
        var saltKey = new Option<string?>("--salt-key") { Description = "The table-mode salt key file, to check that files still are the registered versions (default: as for snapshot)" };
        var command = new Command("diff", "Diff the upstream lineage of two model versions, runs or dataset versions: data, code, parameters and structure, root causes first.")
        {
            from, to, html, withData, repos, depth, maxNodes, saltKey,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            if (service is not LocalLineageService local)
            {
                throw LineageHubException.InvalidInput(DiffReportMessages.ServerNotSupported);
            }
            var request = new LineageDiffRequest(Reference(parse.GetValue(from)!), Reference(parse.GetValue(to)!))
            {
                MaxDepth = parse.GetValue(depth) ?? int.MaxValue,
                MaxNodes = parse.GetValue(maxNodes) ?? TraversalRequest.DefaultMaxNodes,
            };
            var data = parse.GetValue(options.Data);
            var evidence = new LocalDiffEvidence(parse.GetValue(withData), () => SnapshotSaltKeyFile.Load(parse.GetValue(saltKey), data), parse.GetValue(repos) ?? []);
            var diff = await new LineageDiffer(local.Store, evidence).DiffAsync(request, ct);
            if (parse.GetValue(html) is { } report)
            {
                await File.WriteAllTextAsync(report, DiffReport.Html(diff), ct);
            }
            Output.Print(parse.GetValue(options.Json), LineageDiffJson.Of(diff), _ => DiffSummary.Describe(diff));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a side names: a node id, a run id, a dataset version (a 64-digit root after @) or a model version.</summary>
    public static NodeKey Reference(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Guid.TryParse(text, out var run))
        {
            return new RunId(run).Key;
        }
        var at = text.LastIndexOf('@');
        if (at > 0 && at < text.Length - 1)
        {
            var (left, right) = (text[..at], text[(at + 1)..]);
            if (Digest.TryParse(right, out var root) && left.Contains('/', StringComparison.Ordinal))
            {
                var (ns, name) = DatasetName.Parse(left);
                return new DatasetVersionId(new DatasetId(ns, name), root).Key;
            }
            if (!left.Contains(':', StringComparison.Ordinal))
            {
                return new ModelVersionId(new ModelId(left), right).Key;
            }
        }
        return NodeKey.TryParse(text, out var key) ? key : throw LineageHubException.InvalidInput(DiffReportMessages.NotAReference(text));
    }
}
