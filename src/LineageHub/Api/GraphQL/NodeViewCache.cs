using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The views of recently shown records, so a record a later request shows again comes with the values its
/// view already made. Keyed by the record object itself: the store hands out the same record for a node
/// while its own cache holds it, and a record never changes, so a view found for it is never stale, whatever
/// store, schema or test made it. Two-way set associative and lock-free, like the store's record cache: a
/// slot is one reference, written and read whole, and a set keeps the last two views made for records that
/// hash there, so two records of one page that share a set do not evict each other on every request.
/// </summary>
internal static class NodeViewCache
{
    // As many views as the store's record cache keeps records, for records of the size it keeps: a page's
    // nodes, their neighbours and a dashboard's next pages stay, at a few hundred bytes of kept values per view.
    private const int Sets = 1 << 13;

    private const int MaxPropertiesBytes = 4096;

    // Set s is slots 2s (the newer view) and 2s + 1 (the older).
    private static readonly NodeView?[] Views = new NodeView?[Sets * 2];

    /// <summary>The view of <paramref name="record"/>, the kept one if there is; null for kinds the schema has no type for.</summary>
    public static NodeView? ViewOf(NodeRecord record)
    {
        var first = (record.Key.GetHashCode() & (Sets - 1)) * 2;
        var newer = Volatile.Read(ref Views[first]);
        if (newer is not null && ReferenceEquals(newer.Record, record))
        {
            return newer;
        }
        var older = Volatile.Read(ref Views[first + 1]);
        if (older is not null && ReferenceEquals(older.Record, record))
        {
            return older;
        }
        var view = NodeView.Of(record);
        if (view is not null && record.Properties.Length <= MaxPropertiesBytes)
        {
            if (newer is not null)
            {
                Volatile.Write(ref Views[first + 1], newer);
            }
            Volatile.Write(ref Views[first], view);
        }
        return view;
    }
}
