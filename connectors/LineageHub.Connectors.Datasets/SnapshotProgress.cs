namespace LineageHub.Connectors.Datasets;

/// <summary>Bytes read so far out of the total, updated by the readers and polled by a progress bar.</summary>
public sealed class SnapshotProgress
{
    private long _done;
    private long _total;

    public long Done => Interlocked.Read(ref _done);

    public long Total => Interlocked.Read(ref _total);

    public void AddTotal(long bytes) => Interlocked.Add(ref _total, bytes);

    public void Advance(long bytes) => Interlocked.Add(ref _done, bytes);

    public void Set(long done) => Interlocked.Exchange(ref _done, done);
}
