using System.Diagnostics;
using LineageHub.Connectors.Datasets;

namespace LineageHub.Cli;

/// <summary>
/// A one-line progress bar on standard error, drawn only when it is a terminal and only once the work has
/// taken a second, so scripts and quick runs see nothing. Disposing clears the line.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private readonly SnapshotProgress _progress;
    private readonly Timer? _timer;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private bool _drawn;

    public ProgressBar(SnapshotProgress progress)
    {
        _progress = progress;
        if (!Console.IsErrorRedirected)
        {
            _timer = new Timer(_ => Draw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        if (_drawn)
        {
            Console.Error.Write("\r" + new string(' ', 72) + "\r");
        }
    }

    private void Draw()
    {
        var total = Math.Max(1, _progress.Total);
        var done = Math.Min(_progress.Done, total);
        var fraction = (double)done / total;
        var width = 30;
        var filled = (int)(fraction * width);
        var rate = done / 1e6 / Math.Max(0.001, _watch.Elapsed.TotalSeconds);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {done / 1e6,8:F0} MB {rate,6:F0} MB/s ");
        _drawn = true;
    }
}
