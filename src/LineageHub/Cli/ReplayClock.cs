namespace LineageHub.Cli;

/// <summary>
/// The clock of a store being filled by <c>lineagehub migrate</c>: it reads the time of the entry being
/// replayed, so the copy writes each entry with its original time, hence its original bytes and leaf hash.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now;
}
