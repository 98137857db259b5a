using Quartz;

namespace LineageHub.Integrity.Jobs;

/// <summary>
/// Verifies the dataset versions of one namespace (job data <c>namespace</c>), or, for the default job, every
/// version whose namespace has no schedule of its own. Never runs twice at once: a sweep still going when its
/// next fire time comes is not overlapped by another.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DatasetVerificationJob(VerificationRunner runner, CancellationToken abandon) : IJob
{
    public const string NamespaceKey = "namespace";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var request = context.MergedJobDataMap.TryGetValue(NamespaceKey, out var ns) && ns is string name
            ? VerificationRequest.Namespace(name)
            : VerificationRequest.Datasets([.. runner.Settings.NamespaceSchedules.Select(n => n.Namespace)]);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abandon);
        context.Result = await runner.RunAsync(request, stop.Token);
    }
}
