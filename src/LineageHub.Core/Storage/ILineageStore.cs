using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;

namespace LineageHub.Core.Storage;

/// <summary>
/// The storage port, in domain terms. Every write is a change set appended to the verifiable ledger,
/// with the graph projections written in the same transaction; reads see the graph now or as of any
/// earlier ledger position. One contract suite runs against every adapter.
/// </summary>
public interface ILineageStore : IAsyncDisposable
{
    /// <summary>The public key (PEM) whose signatures the tree heads carry.</summary>
    string SigningPublicKeyPem { get; }

    /// <summary>Appends a change set durably, all of it or nothing; returns once it is on disk.</summary>
    Task<AppendResult> AppendAsync(ChangeSet changes, CancellationToken cancellationToken = default);

    Task<NodeRecord?> FindNodeAsync(NodeKey key, CancellationToken cancellationToken = default);

    /// <summary>Looks up many nodes in one round trip (what a DataLoader batches into); missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<NodeKey, NodeRecord>> FindNodesAsync(IReadOnlyCollection<NodeKey> keys, CancellationToken cancellationToken = default);

    /// <summary>The edges at a node, in one direction of storage (outgoing: the node is the edge's source).</summary>
    Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind? kind = null, LedgerPosition? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The edges at many nodes in one round trip (what a DataLoader batches into), each node's in storage
    /// order. Every known node given has an entry (empty when it has no such edges); unknown nodes are absent.
    /// </summary>
    Task<IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>> GetEdgesOfManyAsync(IReadOnlyCollection<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Nodes of one kind, in key order, a page at a time.</summary>
    Task<IReadOnlyList<NodeRecord>> ListNodesAsync(NodeKind kind, string? keyPrefix, string? afterKey, int limit, CancellationToken cancellationToken = default);

    /// <summary>A page of nodes of one kind, as <paramref name="request"/> describes it, in ascending key order.</summary>
    Task<IReadOnlyList<NodeRecord>> PageNodesAsync(NodeKind kind, NodePageRequest request, CancellationToken cancellationToken = default);

    Task<TraversalResult> TraverseAsync(TraversalRequest request, CancellationToken cancellationToken = default);

    /// <summary>The newest signed tree head.</summary>
    Task<SignedTreeHead> GetTreeHeadAsync(CancellationToken cancellationToken = default);

    Task<LedgerEntry> GetEntryAsync(long seq, CancellationToken cancellationToken = default);

    /// <summary>An inclusion proof of entry <paramref name="seq"/> in the tree of <paramref name="treeSize"/> entries (default: the newest head).</summary>
    Task<InclusionProof> ProveInclusionAsync(long seq, long? treeSize = null, CancellationToken cancellationToken = default);

    Task<ConsistencyProof> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken = default);

    /// <summary>The ledger size at a position: a size as given (checked), a time as the entries written at or before it.</summary>
    Task<long> ResolveAsync(LedgerPosition position, CancellationToken cancellationToken = default);

    /// <summary>Re-verifies everything: every entry's hash, the tree against every signed head, the heads' signatures and consistency, and every projection row against the ledger.</summary>
    Task<LedgerVerificationReport> VerifyAsync(CancellationToken cancellationToken = default);
}
