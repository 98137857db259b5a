namespace LineageHub.Connectors.Datasets;

/// <summary>
/// Bytes read so far out of the total, updated by the readers and polled by a progress bar. Every reader
/// reports what it consumed here, so an optional <see cref="RateLimit"/> holds them to a read rate.
/// </summary>
public sealed class SnapshotProgress
{
    private long _done;
    private long _total;

    public long Done => Interlocked.Read(ref _done);

    public long Total => Interlocked.Read(ref _total);

    /// <summary>When set, readers reporting progress wait while they read faster than this.</summary>
    public ReadRateLimit? RateLimit { get; init; }

    public void AddTotal(long bytes) => Interlocked.Add(ref _total, bytes);

    public void Advance(long bytes)
    {
        Interlocked.Add(ref _done, bytes);
        RateLimit?.Consume(bytes);
    }

    public void Set(long done)
    {
        var before = Interlocked.Exchange(ref _done, done);
        RateLimit?.Consume(done - before);
    }
}
