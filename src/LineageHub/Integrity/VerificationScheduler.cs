using LineageHub.Integrity.Jobs;
using Quartz;

namespace LineageHub.Integrity;

/// <summary>
/// The hosted service that owns the Quartz scheduler: it builds it (in-memory store, at most
/// <see cref="VerificationSettings.MaxConcurrent"/> jobs at once), schedules the ledger job and one dataset
/// job per configured namespace plus the default one from their cron expressions, and on shutdown stops
/// firing, waits for running verifications up to <see cref="VerificationSettings.ShutdownTimeoutSeconds"/>,
/// then cancels them (each job honours its token between chunks) and waits for them to unwind.
/// Misfires (a fire time passed while the job was still running or the scheduler was busy) fire once as soon
/// as possible and then keep the schedule: a missed check is made up for, never repeated.
/// </summary>
public sealed partial class VerificationScheduler(VerificationRunner runner, TimeProvider time, ILogger<VerificationScheduler> logger) : IHostedService, IVerificationQueue, IAsyncDisposable
{
    public const string Group = "verification";

    private readonly CancellationTokenSource _abandon = new();
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = runner.Settings;
        var jobs = new List<(IJobDetail Job, ITrigger? Trigger)>();
        if (settings.Enabled)
        {
            jobs.Add(Scheduled<LedgerVerificationJob>("ledger", "the ledger job", settings.LedgerCron, null));
            if (settings.AllowedRoots.Count == 0)
            {
                LogNoRoots(logger, VerificationMessages.NoRootsConfigured);
            }
            else
            {
                jobs.Add(Scheduled<DatasetVerificationJob>("datasets", "the datasets job", settings.DatasetsCron, null));
                foreach (var schedule in settings.NamespaceSchedules)
                {
                    jobs.Add(Scheduled<DatasetVerificationJob>($"datasets:{schedule.Namespace}", $"namespace {schedule.Namespace}", schedule.Cron, schedule.Namespace));
                }
            }
        }
        _scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            // Names must be unique in the process; tests run several servers in one.
            q.ConfigureScheduler(o => o.InstanceName = $"lineagehub-verification-{Guid.NewGuid():N}");
            q.UseDefaultThreadPool(Math.Max(1, settings.MaxConcurrent));
            q.UseInMemoryStore(_ => { });
            q.UseJobFactory(new VerificationJobFactory(runner, _abandon.Token));
            q.UseTimeProvider(time);
        }).BuildScheduler(cancellationToken);
        foreach (var (job, trigger) in jobs)
        {
            await _scheduler.ScheduleJob(job, trigger!, default, cancellationToken);
            LogScheduled(logger, job.Key.Name, trigger!.Description ?? "");
        }
        await _scheduler.Start(cancellationToken);
    }

    public async Task<string> QueueAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("the verification scheduler is not started");
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("D");
        var job = JobBuilder.Create<OnDemandVerificationJob>().WithIdentity($"on-demand:{id}", Group).UsingJobData(OnDemandVerificationJob.Data(request)).Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity($"on-demand:{id}", Group).WithDescription(request.ToString()).StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
        LogQueued(logger, id, request.ToString());
        return id;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler || scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            return;
        }
        await scheduler.Standby(cancellationToken);
        var shutdown = scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask();
        var timeout = TimeSpan.FromSeconds(Math.Max(0, runner.Settings.ShutdownTimeoutSeconds));
        if (await Task.WhenAny(shutdown, Task.Delay(timeout, time, CancellationToken.None)) != shutdown)
        {
            // Every job watches this token beside its own, so one cancel reaches all of them, whichever
            // state the scheduler is in by now; each stops at its next chunk and records nothing.
            LogCancelling(logger, timeout.TotalSeconds);
            await _abandon.CancelAsync();
            await shutdown;
        }
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _abandon.Dispose();
    }

    private (IJobDetail, ITrigger?) Scheduled<TJob>(string name, string what, string cron, string? ns)
        where TJob : IJob
    {
        CronScheduleBuilder schedule;
        try
        {
            schedule = CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
        }
        catch (FormatException ex)
        {
            throw Core.LineageHubException.InvalidInput(VerificationMessages.BadCron(what, cron, ex.Message));
        }
        var job = JobBuilder.Create<TJob>().WithIdentity(name, Group);
        if (ns is not null)
        {
            job = job.UsingJobData(DatasetVerificationJob.NamespaceKey, ns);
        }
        var trigger = TriggerBuilder.Create(time).WithIdentity(name, Group).WithDescription($"{what} on '{cron}'").WithSchedule(schedule).Build();
        return (job.Build(), trigger);
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "verification: scheduled {Job}: {Schedule}")]
    private static partial void LogScheduled(ILogger logger, string job, string schedule);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogNoRoots(ILogger logger, string message);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Information, Message = "verification {Id} queued: {Request}")]
    private static partial void LogQueued(ILogger logger, string id, string request);

    [LoggerMessage(EventId = 9013, Level = LogLevel.Warning, Message = "verification: jobs still running after {Seconds} s of shutdown; cancelling them")]
    private static partial void LogCancelling(ILogger logger, double seconds);

    [LoggerMessage(EventId = 9014, Level = LogLevel.Information, Message = "verification: scheduler stopped")]
    private static partial void LogStopped(ILogger logger);
}
