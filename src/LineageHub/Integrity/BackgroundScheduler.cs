using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace LineageHub.Integrity;

/// <summary>
/// Runs tasks on a few dedicated threads of lowered CPU priority (Linux: a nice value per thread; elsewhere:
/// <see cref="ThreadPriority.BelowNormal"/>), so that re-hashing gigabytes yields the cores to API requests
/// when both want them and takes them all when the server is idle. Dedicated threads, because a thread's
/// priority cannot be raised again without privileges: a pool thread lowered once would slow requests later.
/// </summary>
public sealed class BackgroundScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread[] _threads;

    /// <param name="threads">How many threads; tasks beyond that wait their turn.</param>
    /// <param name="nice">The Linux nice value of the threads, 0 (as other threads) to 19 (the lowest).</param>
    public BackgroundScheduler(int threads, int nice)
    {
        _threads = new Thread[Math.Max(1, threads)];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(() => Work(Math.Clamp(nice, 0, 19))) { IsBackground = true, Name = $"lineagehub verification {i + 1}" };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Inline only on our own threads, or a task would run at the caller's priority.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _threads.Contains(Thread.CurrentThread) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work(int nice)
    {
        Lower(nice);
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void Lower(int nice)
    {
        if (nice == 0)
        {
            return;
        }
        if (OperatingSystem.IsLinux())
        {
            // Linux schedules threads as tasks: PRIO_PROCESS with a thread id sets that thread alone.
            _ = SetPriority(0, GetThreadId(), nice);
            return;
        }
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    // Plain int signatures: blittable, so no marshalling code and no unsafe context are needed.
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
