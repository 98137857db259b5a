namespace LineageHub.Core.Lineage;

/// <summary>A point in the ledger's history: a tree size, or a time (the last entry at or before it).</summary>
public readonly record struct LedgerPosition
{
    private LedgerPosition(long? size, DateTimeOffset? time)
    {
        Size = size;
        Time = time;
    }

    public long? Size { get; }

    public DateTimeOffset? Time { get; }

    public static LedgerPosition AtSize(long size) =>
        size >= 0 ? new(size, null) : throw LineageHubException.InvalidInput($"a ledger size cannot be negative, got {size}");

    public static LedgerPosition AtTime(DateTimeOffset time) => new(null, time);

    public override string ToString() => Size is { } size ? $"size {size}" : $"time {Time:O}";
}
