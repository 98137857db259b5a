using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// An edge as the index holds it: its own ordinal (dense, in ledger order, so a store can cache by it), its
/// kind, its ends' ordinals (<see cref="LineageIndex.TryGetKey"/> gives their keys), the ledger entry that
/// created it, and whether it carries properties, which the index does not keep.
/// </summary>
public readonly record struct IndexedEdge(int Ordinal, EdgeKind Kind, int FromOrdinal, int ToOrdinal, long Seq, bool HasProperties);
