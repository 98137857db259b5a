using LineageHub.Api.Contracts;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Registration;
using LineageHub.Core.Storage;
using System.Text.Json;

namespace LineageHub.Client;

/// <summary>Answers from a store in this process: the CLI with <c>--data</c>, and the server's own endpoints.</summary>
public sealed class LocalLineageService(ILineageStore store, bool ownsStore) : ILineageService
{
    public ILineageStore Store => store;

    public async Task<TreeHeadJson> HeadAsync(CancellationToken cancellationToken) =>
        TreeHeadJson.From(await store.GetTreeHeadAsync(cancellationToken), store.SigningPublicKeyPem);

    public async Task<InclusionProofJson> ProveInclusionAsync(long seq, long? treeSize, CancellationToken cancellationToken)
    {
        var proof = await store.ProveInclusionAsync(seq, treeSize, cancellationToken);
        var entry = await store.GetEntryAsync(seq, cancellationToken);
        return InclusionProofJson.From(proof, entry);
    }

    public async Task<ConsistencyProofJson> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken) =>
        ConsistencyProofJson.From(await store.ProveConsistencyAsync(fromSize, toSize, cancellationToken));

    public async Task<VerificationReportJson> VerifyAsync(CancellationToken cancellationToken) =>
        VerificationReportJson.From(await store.VerifyAsync(cancellationToken));

    public async Task<LineageJson> LineageAsync(LineageQuery query, CancellationToken cancellationToken) =>
        LineageJson.From(await store.TraverseAsync(query.ToRequest(), cancellationToken));

    public async Task<NodeJson?> FindNodeAsync(string id, CancellationToken cancellationToken) =>
        await store.FindNodeAsync(NodeKey.Parse(id), cancellationToken) is { } record ? NodeJson.From(record) : null;

    public async Task<AppendResultJson> AppendAsync(byte[] changeSetJson, CancellationToken cancellationToken) =>
        AppendResultJson.From(await store.AppendAsync(ChangeSetJson.Parse(changeSetJson), cancellationToken));

    public async Task<AppendResultJson> RegisterRunAsync(RunRegistrationJson registration, CancellationToken cancellationToken)
    {
        var run = await new RunRegistrar(store).PlanAsync(registration.ToRegistration(), "lineagehub run register", cancellationToken);
        var supporting = registration.Supporting is { } facts ? ChangeSetJson.Parse(JsonSerializer.SerializeToUtf8Bytes(facts)) : null;
        // One change set: the run is recorded together with every fact it stands on, or none of them is.
        var changes = supporting is null
            ? run
            : new ChangeSet([.. supporting.Nodes, .. run.Nodes], [.. supporting.Edges, .. run.Edges], run.Actor);
        return AppendResultJson.From(await store.AppendAsync(changes, cancellationToken));
    }

    public ValueTask DisposeAsync() => ownsStore ? store.DisposeAsync() : ValueTask.CompletedTask;
}
