using System.Collections.Concurrent;
using LineageHub.Integrity;

namespace LineageHub.Api.Tests.Integrity;

public sealed class BackgroundSchedulerTests
{
    [Fact]
    public async Task Tasks_AndTheParallelLoopsInThem_RunOnItsThreads_AtTheLoweredPriority()
    {
        using var scheduler = new BackgroundScheduler(threads: 2, nice: 10);
        var threads = new ConcurrentDictionary<string, int>();

        await Task.Factory.StartNew(() =>
        {
            Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 2, TaskScheduler = TaskScheduler.Current }, _ =>
            {
                threads[Thread.CurrentThread.Name ?? "?"] = NiceOfThisThread();
                Thread.SpinWait(20_000);
            });
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);

        Assert.NotEmpty(threads);
        Assert.All(threads.Keys, name => Assert.StartsWith("lineagehub verification", name, StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            Assert.All(threads.Values, nice => Assert.Equal(10, nice));
        }
    }

    // Field 19 of /proc/thread-self/stat (after the parenthesised name) is the thread's nice value; -1 where there is none.
    private static int NiceOfThisThread() =>
        File.Exists("/proc/thread-self/stat") ? int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(") ")[1].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture) : -1;
}
