namespace LineageHub.Storage.Sqlite;

/// <summary>
/// Recently read node or edge records, by ordinal, so what a page of results shows again and again (a
/// dashboard's latest runs, their inputs and models, the edges between them) is read from memory. The
/// store only ever inserts, so a cached record is never stale and needs no invalidation. Direct-mapped:
/// a slot holds the last record put into it, and no lock is taken (a slot is one reference to an
/// immutable entry, written and read whole).
/// </summary>
internal sealed class RecordCache<TRecord>(Func<TRecord, int> propertiesLength)
    where TRecord : class
{
    // 16,384 slots of records up to 4 KB: at most 64 MB, a few MB for typical records; consecutive
    // ordinals (a dataset's versions, a walk's neighbourhood) never evict each other.
    private const int Slots = 1 << 14;

    private const int MaxPropertiesBytes = 4096;

    private readonly Entry?[] _slots = new Entry?[Slots];

    public bool TryGet(int ordinal, out TRecord record)
    {
        var cached = Volatile.Read(ref _slots[ordinal & (Slots - 1)]);
        if (cached is not null && cached.Ordinal == ordinal)
        {
            record = cached.Record;
            return true;
        }
        record = null!;
        return false;
    }

    public void Put(int ordinal, TRecord record)
    {
        if (propertiesLength(record) <= MaxPropertiesBytes)
        {
            Volatile.Write(ref _slots[ordinal & (Slots - 1)], new Entry(ordinal, record));
        }
    }

    private sealed record Entry(int Ordinal, TRecord Record);
}
