using Quartz;
using Quartz.Extensibility;

namespace LineageHub.Integrity.Jobs;

/// <summary>
/// Builds the verification jobs around the server's one <see cref="VerificationRunner"/>, each also watching
/// <paramref name="abandon"/>, which the scheduler cancels when shutdown has waited long enough.
/// </summary>
public sealed class VerificationJobFactory(VerificationRunner runner, CancellationToken abandon) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        var type = bundle.JobDetail.JobType.Type;
        IJob job = type == typeof(DatasetVerificationJob) ? new DatasetVerificationJob(runner, abandon)
            : type == typeof(LedgerVerificationJob) ? new LedgerVerificationJob(runner, abandon)
            : type == typeof(OnDemandVerificationJob) ? new OnDemandVerificationJob(runner, abandon)
            : throw new InvalidOperationException($"no verification job of type {type}");
        return ValueTask.FromResult(new JobScope(job, null!));
    }

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
