namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>A clock set to a given time: what a ledger copy gives its target (each entry's own time).</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Set(DateTimeOffset time) => Now = time;
}
