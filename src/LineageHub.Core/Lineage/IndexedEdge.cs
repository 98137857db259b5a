using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// An edge as the index holds it: its kind, its ends (keys and ordinals), the ledger entry that created it,
/// and whether it carries properties, which the index does not keep.
/// </summary>
public readonly record struct IndexedEdge(EdgeKind Kind, NodeKey From, NodeKey To, int FromOrdinal, int ToOrdinal, long Seq, bool HasProperties);
