using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Consent;

/// <summary>
/// The lineage facts a consent proof reads: a store as of a ledger position when proving, the ledger
/// entries of a bundle when verifying, so both walk the same code over the same facts.
/// </summary>
public interface ILineageFacts
{
    ValueTask<NodeRecord?> NodeAsync(NodeKey key, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<EdgeRecord>> EdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind kind, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<NodeRecord>> NodesOfKindAsync(NodeKind kind, CancellationToken cancellationToken);
}
