using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;

namespace LineageHub.Api.Tests.Support;

/// <summary>A store that counts every read call it passes on, so tests can prove queries batch their reads.</summary>
public sealed class CountingStore(ILineageStore inner) : ILineageStore, IConsentEvidenceStore
{
    // Consent evidence passes straight through to the SQLite store; only graph reads are counted.
    private IConsentEvidenceStore Evidence => (IConsentEvidenceStore)inner;

    public Task<AppendResult> AppendWithEvidenceAsync(ChangeSet changes, ConsentEvidence evidence, CancellationToken cancellationToken = default) => Evidence.AppendWithEvidenceAsync(changes, evidence, cancellationToken);

    public Task<LineageHub.Core.Subjects.SubjectSet?> GetSubjectSetAsync(LineageHub.Core.Hashing.Digest root, CancellationToken cancellationToken = default) => Evidence.GetSubjectSetAsync(root, cancellationToken);

    public Task<LineageHub.Core.Consent.ConsentRecordBatch?> GetConsentBatchAsync(LineageHub.Core.Hashing.Digest root, CancellationToken cancellationToken = default) => Evidence.GetConsentBatchAsync(root, cancellationToken);

    public Task<IReadOnlyList<(LineageHub.Core.Hashing.Digest Batch, LineageHub.Core.Consent.ConsentRecord Record)>> FindConsentRecordsAsync(LineageHub.Core.Subjects.SubjectPseudonym subject, CancellationToken cancellationToken = default) => Evidence.FindConsentRecordsAsync(subject, cancellationToken);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

    /// <summary>Read calls since the last <see cref="Reset"/>.</summary>
    public int Reads => _calls.Count;

    /// <summary>The read calls since the last <see cref="Reset"/>, by method and batch size, for failure messages.</summary>
    public string Calls => string.Join(", ", _calls);

    public void Reset() => _calls.Clear();

    public string SigningPublicKeyPem => inner.SigningPublicKeyPem;

    public Task<AppendResult> AppendAsync(ChangeSet changes, CancellationToken cancellationToken = default) => inner.AppendAsync(changes, cancellationToken);

    public Task<NodeRecord?> FindNodeAsync(NodeKey key, CancellationToken cancellationToken = default) => Count(inner.FindNodeAsync(key, cancellationToken));

    public Task<IReadOnlyDictionary<NodeKey, NodeRecord>> FindNodesAsync(IReadOnlyCollection<NodeKey> keys, CancellationToken cancellationToken = default) => Count(inner.FindNodesAsync(keys, cancellationToken), $"FindNodes({keys.Count})");

    public Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind? kind = null, LedgerPosition? asOf = null, CancellationToken cancellationToken = default) =>
        Count(inner.GetEdgesAsync(node, direction, kind, asOf, cancellationToken));

    public Task<IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>> GetEdgesOfManyAsync(IReadOnlyCollection<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind = null, CancellationToken cancellationToken = default) =>
        Count(inner.GetEdgesOfManyAsync(nodes, direction, kind, cancellationToken), $"GetEdgesOfMany({nodes.Count} {direction} {kind})");

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(NodeKind kind, string? keyPrefix, string? afterKey, int limit, CancellationToken cancellationToken = default) =>
        Count(inner.ListNodesAsync(kind, keyPrefix, afterKey, limit, cancellationToken));

    public Task<IReadOnlyList<NodeRecord>> PageNodesAsync(NodeKind kind, NodePageRequest request, CancellationToken cancellationToken = default) =>
        Count(inner.PageNodesAsync(kind, request, cancellationToken));

    public Task<TraversalResult> TraverseAsync(TraversalRequest request, CancellationToken cancellationToken = default) => Count(inner.TraverseAsync(request, cancellationToken));

    public Task<SignedTreeHead> GetTreeHeadAsync(CancellationToken cancellationToken = default) => Count(inner.GetTreeHeadAsync(cancellationToken));

    public Task<LedgerEntry> GetEntryAsync(long seq, CancellationToken cancellationToken = default) => Count(inner.GetEntryAsync(seq, cancellationToken));

    public Task<InclusionProof> ProveInclusionAsync(long seq, long? treeSize = null, CancellationToken cancellationToken = default) => Count(inner.ProveInclusionAsync(seq, treeSize, cancellationToken));

    public Task<ConsistencyProof> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken = default) => Count(inner.ProveConsistencyAsync(fromSize, toSize, cancellationToken));

    public Task<long> ResolveAsync(LedgerPosition position, CancellationToken cancellationToken = default) => Count(inner.ResolveAsync(position, cancellationToken));

    public Task<LedgerVerificationReport> VerifyAsync(CancellationToken cancellationToken = default) => Count(inner.VerifyAsync(cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private Task<T> Count<T>(Task<T> call, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        _calls.Enqueue(name);
        return call;
    }
}
