using System.Diagnostics;

namespace LineageHub.Connectors.Datasets;

/// <summary>
/// A bound on how fast readers consume a disk, in bytes per second, shared by every thread that reads for
/// one job. Readers report what they consumed and are held back until the average rate since the limit was
/// made is within bounds again; one second's worth may be read in a burst, so a 1 MiB chunk at a time is
/// never stalled behind its own size.
/// </summary>
public sealed class ReadRateLimit
{
    private readonly Lock _gate = new();
    private readonly double _bytesPerTick;
    private readonly CancellationToken _cancellationToken;
    private long _clearAt;

    public ReadRateLimit(long bytesPerSecond, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 1);
        BytesPerSecond = bytesPerSecond;
        _bytesPerTick = bytesPerSecond / (double)Stopwatch.Frequency;
        _cancellationToken = cancellationToken;
        _clearAt = Stopwatch.GetTimestamp();
    }

    public long BytesPerSecond { get; }

    /// <summary>Books <paramref name="bytes"/> just read and waits (cancellably) while the reader is ahead of the rate.</summary>
    public void Consume(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }
        long wait;
        lock (_gate)
        {
            // _clearAt is when everything booked so far has been paid for at the rate; a reader may run up to a
            // second ahead of it before it waits.
            var now = Stopwatch.GetTimestamp();
            _clearAt = Math.Max(_clearAt, now - Stopwatch.Frequency) + (long)(bytes / _bytesPerTick);
            wait = _clearAt - now - Stopwatch.Frequency;
        }
        if (wait > 0)
        {
            _cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
