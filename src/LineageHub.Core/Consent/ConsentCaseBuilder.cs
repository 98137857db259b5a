using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Consent;

/// <summary>
/// Walks a model version's upstream lineage (schema/consent.md, "The proof"): the run that produced it
/// gives the decision time (its start) and the versions it read; a version written by a run, or derived
/// from others, leads on to theirs; a version with neither is a source, whose subject set must be checked.
/// </summary>
public static class ConsentCaseBuilder
{
    /// <summary>The most dataset versions one walk visits; beyond, the proof reports the lineage as too large.</summary>
    public const int MaxVersions = 100_000;

    public static async Task<ConsentCase> BuildAsync(ILineageFacts facts, NodeKey modelVersion, string purpose, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var sources = new List<SourceInput>();
        DateTimeOffset? decisionTime = null;
        if (await facts.NodeAsync(modelVersion, cancellationToken) is null)
        {
            throw LineageHubException.NotFound($"no model version {modelVersion}");
        }
        await CheckPurposeAsync(facts, modelVersion, EdgeKind.VersionOf, purpose, problems, cancellationToken);
        var producers = await facts.EdgesAsync(modelVersion, EdgeDirection.Incoming, EdgeKind.Produced, cancellationToken);
        if (producers.Count == 0)
        {
            problems.Add(ConsentMessages.NoTrainingRun(modelVersion.ToString()));
        }
        var pending = new Queue<NodeKey>();
        var seen = new HashSet<NodeKey>();
        foreach (var produced in producers.OrderBy(e => e.From.ToString(), StringComparer.Ordinal))
        {
            var run = await facts.NodeAsync(produced.From, cancellationToken);
            var started = run?.As<Run>().StartedAt;
            if (started is null)
            {
                problems.Add(ConsentMessages.NoRunStart(produced.From.ToString()));
            }
            else if (decisionTime is null || started < decisionTime)
            {
                // With several producing runs the earliest read is the one that must have been covered.
                decisionTime = started;
            }
            await CheckPurposeAsync(facts, produced.From, EdgeKind.RunOf, purpose, problems, cancellationToken);
            await EnqueueReadsAsync(facts, produced.From, pending, seen, cancellationToken);
        }
        while (pending.Count > 0)
        {
            if (seen.Count > MaxVersions)
            {
                problems.Add($"the lineage reaches more than {MaxVersions} dataset versions; the proof stops there");
                break;
            }
            var version = pending.Dequeue();
            var writers = await facts.EdgesAsync(version, EdgeDirection.Incoming, EdgeKind.Wrote, cancellationToken);
            var derivedFrom = await facts.EdgesAsync(version, EdgeDirection.Outgoing, EdgeKind.DerivedFrom, cancellationToken);
            foreach (var writer in writers)
            {
                await EnqueueReadsAsync(facts, writer.From, pending, seen, cancellationToken);
            }
            foreach (var edge in derivedFrom)
            {
                if (seen.Add(edge.To))
                {
                    pending.Enqueue(edge.To);
                }
            }
            if (writers.Count == 0 && derivedFrom.Count == 0)
            {
                sources.Add(await SourceAsync(facts, version, purpose, decisionTime, cancellationToken));
            }
        }
        var batches = (await facts.NodesOfKindAsync(NodeKind.ConsentBatch, cancellationToken))
            .Select(n => n.As<ConsentBatch>())
            .OrderBy(b => b.Root.ToString(), StringComparer.Ordinal)
            .ToArray();
        return new ConsentCase(modelVersion, purpose, decisionTime, [.. sources.OrderBy(s => s.DatasetVersion.ToString(), StringComparer.Ordinal)], batches, problems);
    }

    private static async Task EnqueueReadsAsync(ILineageFacts facts, NodeKey run, Queue<NodeKey> pending, HashSet<NodeKey> seen, CancellationToken cancellationToken)
    {
        foreach (var read in await facts.EdgesAsync(run, EdgeDirection.Outgoing, EdgeKind.Read, cancellationToken))
        {
            if (seen.Add(read.To))
            {
                pending.Enqueue(read.To);
            }
        }
    }

    // The model (through VERSION_OF) and the training job (through RUN_OF) may declare the purpose they serve;
    // purposes are compared exactly, so a declared other purpose stops the proof.
    private static async Task CheckPurposeAsync(ILineageFacts facts, NodeKey from, EdgeKind kind, string purpose, List<string> problems, CancellationToken cancellationToken)
    {
        foreach (var edge in await facts.EdgesAsync(from, EdgeDirection.Outgoing, kind, cancellationToken))
        {
            var declared = (await facts.NodeAsync(edge.To, cancellationToken))?.ToNode() switch
            {
                Model model => model.Purpose,
                Job job => job.Purpose,
                _ => null,
            };
            if (declared is not null && !string.Equals(declared, purpose, StringComparison.Ordinal))
            {
                problems.Add(ConsentMessages.PurposeMismatch(edge.To.ToString(), declared, purpose));
            }
        }
    }

    private static async Task<SourceInput> SourceAsync(ILineageFacts facts, NodeKey version, string purpose, DateTimeOffset? decisionTime, CancellationToken cancellationToken)
    {
        var node = await facts.NodeAsync(version, cancellationToken) ?? throw LineageHubException.Corrupt($"{version} is read by a run but not recorded");
        var datasetVersion = node.As<DatasetVersion>();
        var datasetKey = new DatasetId(datasetVersion.Namespace, datasetVersion.Name).Key;
        var source = (await facts.EdgesAsync(version, EdgeDirection.Outgoing, EdgeKind.SuppliedBy, cancellationToken)).FirstOrDefault()?.To
            ?? (await facts.EdgesAsync(datasetKey, EdgeDirection.Outgoing, EdgeKind.SuppliedBy, cancellationToken)).FirstOrDefault()?.To;
        (BasisDeclaration Declaration, NodeKey Key)? covering = null;
        if (decisionTime is { } time)
        {
            foreach (var target in source is { } s ? [datasetKey, s] : new[] { datasetKey })
            {
                foreach (var edge in (await facts.EdgesAsync(target, EdgeDirection.Incoming, EdgeKind.Covers, cancellationToken)).OrderBy(e => e.From.ToString(), StringComparer.Ordinal))
                {
                    var declaration = (await facts.NodeAsync(edge.From, cancellationToken))?.As<BasisDeclaration>();
                    if (covering is null && declaration is not null && string.Equals(declaration.Purpose, purpose, StringComparison.Ordinal) && declaration.CoversAt(time))
                    {
                        covering = (declaration, edge.From);
                    }
                }
            }
        }
        return new SourceInput(version, source is { } system ? system.Parts()[0] : null, datasetVersion.Subjects, covering?.Declaration, covering?.Key);
    }
}
