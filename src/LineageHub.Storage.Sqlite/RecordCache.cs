namespace LineageHub.Storage.Sqlite;

/// <summary>
/// Recently read node or edge records, by ordinal, so what a page of results shows again and again (a
/// dashboard's latest runs, their inputs and models, the edges between them) is read from memory. The
/// store only ever inserts, so a cached record is never stale and needs no invalidation. Two-way set
/// associative, without locks: a slot is one reference to an immutable entry, written and read whole.
/// </summary>
/// <remarks>
/// Direct-mapped, a page of a large graph kept a handful of records that shared a slot with another
/// record of the same page: they evicted each other on every request, and each cost a store read. With
/// two ways a set holds both, and a record is only lost to two newer ones of its set.
/// </remarks>
internal sealed class RecordCache<TRecord>(Func<TRecord, int> propertiesLength)
    where TRecord : class
{
    // 8,192 sets of two records up to 4 KB: at most 64 MB, a few MB for typical records; consecutive
    // ordinals (a dataset's versions, a walk's neighbourhood) fall into different sets.
    private const int Sets = 1 << 13;

    private const int MaxPropertiesBytes = 4096;

    // Set s is slots 2s (the newer entry) and 2s + 1 (the older).
    private readonly Entry?[] _slots = new Entry?[Sets * 2];

    public bool TryGet(int ordinal, out TRecord record)
    {
        var first = (ordinal & (Sets - 1)) * 2;
        var cached = Volatile.Read(ref _slots[first]);
        if (cached is null || cached.Ordinal != ordinal)
        {
            cached = Volatile.Read(ref _slots[first + 1]);
        }
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
        if (propertiesLength(record) > MaxPropertiesBytes)
        {
            return;
        }
        var first = (ordinal & (Sets - 1)) * 2;
        // The newer entry moves to the older way, and the older one is dropped. Racing writers may drop
        // an entry early or keep one twice: either costs a later store read, never a wrong record.
        var newer = Volatile.Read(ref _slots[first]);
        if (newer is not null && newer.Ordinal != ordinal)
        {
            Volatile.Write(ref _slots[first + 1], newer);
        }
        Volatile.Write(ref _slots[first], new Entry(ordinal, record));
    }

    private sealed record Entry(int Ordinal, TRecord Record);
}
