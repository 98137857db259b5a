using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Registration;

/// <summary>
/// Registers a run as one change set: the run and its job, READ and WROTE edges to dataset versions,
/// USED_CODE edges to a commit and files, and the model version it PRODUCED. Idempotent by run id:
/// registering the same run again changes nothing, while a different run under an existing run id
/// (other record, inputs, outputs, code or model) is a conflict and writes nothing.
/// </summary>
public sealed class RunRegistrar(ILineageStore store)
{
    private static readonly EdgeKind[] RunEdgeKinds = [EdgeKind.RunOf, EdgeKind.Read, EdgeKind.Wrote, EdgeKind.UsedCode, EdgeKind.Produced];

    /// <summary>Checks <paramref name="registration"/> against the store, then appends it.</summary>
    public async Task<AppendResult> RegisterAsync(RunRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        var changes = await PlanAsync(registration, actor, cancellationToken).ConfigureAwait(false);
        return await store.AppendAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change set <see cref="RegisterAsync"/> appends; throws a conflict when the run id is taken by a different run.</summary>
    public async Task<ChangeSet> PlanAsync(RunRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var run = registration.ToRun();
        if (run.StartedAt is { } start && run.EndedAt is { } end && end < start)
        {
            throw LineageHubException.InvalidInput(RegistrationMessages.EndsBeforeStart(run.Id));
        }
        if (registration.Produced is { } model && (string.IsNullOrEmpty(model.ModelName) || string.IsNullOrEmpty(model.Version)))
        {
            throw LineageHubException.InvalidInput(RegistrationMessages.ModelVersionEmpty);
        }
        var builder = ChangeSet.Builder(actor);
        var edges = new List<(EdgeKind Kind, NodeKey To)>();
        var job = registration.Job.Key;
        var lookUp = new List<NodeKey> { job, run.Key };
        if (registration.Produced is { } p)
        {
            lookUp.Add(p.Id.Model.Key);
        }
        var known = await store.FindNodesAsync(lookUp, cancellationToken).ConfigureAwait(false);

        // The job and the model are shared by many runs: created when missing, otherwise left as recorded.
        if (known.TryGetValue(job, out var storedJob))
        {
            var type = storedJob.As<Job>().Type;
            if (type != registration.JobType)
            {
                throw LineageHubException.Conflict(RegistrationMessages.JobTypeDiffers(registration.Job, type, registration.JobType));
            }
        }
        else
        {
            builder.Add(new Job(registration.Job.Namespace, registration.Job.Name, registration.JobType));
        }
        builder.Add(run);
        edges.Add((EdgeKind.RunOf, job));
        edges.AddRange((registration.Inputs ?? []).Select(i => (EdgeKind.Read, i.Key)));
        edges.AddRange((registration.Outputs ?? []).Select(o => (EdgeKind.Wrote, o.Key)));
        if (registration.Code is { } code)
        {
            edges.Add((EdgeKind.UsedCode, code.Commit.Key));
            foreach (var file in code.Files ?? [])
            {
                var sourceFile = new SourceFile(code.Commit.Repository.Identity, file.Path, file.BlobHash);
                builder.Add(sourceFile).Link(EdgeKind.InRepo, sourceFile.Key, code.Commit.Repository.Key);
                edges.Add((EdgeKind.UsedCode, sourceFile.Key));
            }
        }
        if (registration.Produced is { } produced)
        {
            if (!known.ContainsKey(produced.Id.Model.Key))
            {
                builder.Add(new Model(produced.ModelName));
            }
            builder.Add(produced).Link(EdgeKind.VersionOf, produced.Key, produced.Id.Model.Key);
            edges.Add((EdgeKind.Produced, produced.Key));
        }
        foreach (var (kind, to) in edges.Distinct())
        {
            builder.Link(kind, run.Key, to);
        }

        if (known.TryGetValue(run.Key, out var storedRun))
        {
            await CheckSameRunAsync(run, storedRun, edges, cancellationToken).ConfigureAwait(false);
        }
        return builder.Build();
    }

    // The planner would catch a changed run record, but not a run re-registered with other inputs: that
    // would quietly add edges to the recorded run. So the recorded edges must be exactly the given ones.
    private async Task CheckSameRunAsync(Run run, NodeRecord stored, List<(EdgeKind Kind, NodeKey To)> given, CancellationToken cancellationToken)
    {
        if (!stored.Properties.AsSpan().SequenceEqual(NodeCodec.Encode(run)))
        {
            throw LineageHubException.Conflict(RegistrationMessages.RunRegisteredDifferently(run.Id, "details (job, status, times, parameters or environment)"));
        }
        var recorded = (await store.GetEdgesOfManyAsync([run.Key], EdgeDirection.Outgoing, cancellationToken: cancellationToken).ConfigureAwait(false))
            .GetValueOrDefault(run.Key) ?? [];
        foreach (var kind in RunEdgeKinds)
        {
            var before = recorded.Where(e => e.Kind == kind).Select(e => e.To).ToHashSet();
            var now = given.Where(e => e.Kind == kind).Select(e => e.To).ToHashSet();
            if (!before.SetEquals(now))
            {
                throw LineageHubException.Conflict(RegistrationMessages.RunRegisteredDifferently(run.Id, What(kind)));
            }
        }
    }

    private static string What(EdgeKind kind) => kind switch
    {
        EdgeKind.RunOf => "job",
        EdgeKind.Read => "inputs",
        EdgeKind.Wrote => "outputs",
        EdgeKind.UsedCode => "code",
        _ => "produced model version",
    };
}
