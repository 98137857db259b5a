using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The views of recently shown records, so a record a later request shows again comes with the values its
/// view already made. Keyed by the record object itself: the store hands out the same record for a node
/// while its own cache holds it, and a record never changes, so a view found for it is never stale, whatever
/// store, schema or test made it. Direct-mapped and lock-free, like the store's record cache: a slot is one
/// reference, written and read whole, holding the last view made for a record that hashes there.
/// </summary>
internal static class NodeViewCache
{
    // As many slots as the store's record cache, for records of the size it keeps: a page's nodes, their
    // neighbours and a dashboard's next pages stay, at a few hundred bytes of kept values per view.
    private const int Slots = 1 << 14;

    private const int MaxPropertiesBytes = 4096;

    private static readonly NodeView?[] Views = new NodeView?[Slots];

    /// <summary>The view of <paramref name="record"/>, the kept one if there is; null for kinds the schema has no type for.</summary>
    public static NodeView? ViewOf(NodeRecord record)
    {
        ref var slot = ref Views[record.Key.GetHashCode() & (Slots - 1)];
        var kept = Volatile.Read(ref slot);
        if (kept is not null && ReferenceEquals(kept.Record, record))
        {
            return kept;
        }
        var view = NodeView.Of(record);
        if (view is not null && record.Properties.Length <= MaxPropertiesBytes)
        {
            Volatile.Write(ref slot, view);
        }
        return view;
    }
}
