using LineageHub.Api.Contracts;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;

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

    public ValueTask DisposeAsync() => ownsStore ? store.DisposeAsync() : ValueTask.CompletedTask;
}
