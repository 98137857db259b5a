using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// Recently read node records, by ordinal, so the nodes a page of results shows again and again (a
/// dashboard's latest runs, their inputs and models) are read from memory. The store only ever inserts
/// nodes, so a cached record is never stale and needs no invalidation. Direct-mapped: a slot holds the
/// last record read into it, and no lock is taken (a slot is one reference, written and read whole).
/// </summary>
internal sealed class NodeRecordCache
{
    // 16,384 slots of records up to 4 KB: at most 64 MB, a few MB for typical records; consecutive
    // ordinals (a dataset's versions, a walk's neighbourhood) never evict each other.
    private const int Slots = 1 << 14;

    private const int MaxPropertiesBytes = 4096;

    private readonly NodeRecord?[] _slots = new NodeRecord?[Slots];

    public bool TryGet(int ordinal, NodeKey key, out NodeRecord record)
    {
        var cached = Volatile.Read(ref _slots[ordinal & (Slots - 1)]);
        if (cached is not null && cached.Key == key)
        {
            record = cached;
            return true;
        }
        record = null!;
        return false;
    }

    public void Put(int ordinal, NodeRecord record)
    {
        if (record.Properties.Length <= MaxPropertiesBytes)
        {
            Volatile.Write(ref _slots[ordinal & (Slots - 1)], record);
        }
    }
}
