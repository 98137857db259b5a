using LineageHub.Core.Storage;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// Recently read edge records, by edge ordinal, as <see cref="NodeRecordCache"/> keeps nodes: a page of runs
/// lists the same inputs and models request after request, and each edge was a new record (and two key
/// lookups) every time. Edges are only ever inserted, so a cached record is never stale. Direct-mapped and
/// lock-free: a slot is one reference to an immutable entry, written and read whole.
/// </summary>
internal sealed class EdgeRecordCache
{
    private const int Slots = 1 << 14;

    private const int MaxPropertiesBytes = 4096;

    private readonly Entry?[] _slots = new Entry?[Slots];

    public bool TryGet(int ordinal, out EdgeRecord record)
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

    public void Put(int ordinal, EdgeRecord record)
    {
        if (record.Properties.Length <= MaxPropertiesBytes)
        {
            Volatile.Write(ref _slots[ordinal & (Slots - 1)], new Entry(ordinal, record));
        }
    }

    private sealed record Entry(int Ordinal, EdgeRecord Record);
}
