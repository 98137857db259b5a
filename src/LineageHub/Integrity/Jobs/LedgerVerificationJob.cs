using Quartz;

namespace LineageHub.Integrity.Jobs;

/// <summary>Re-verifies the ledger; never overlaps itself.</summary>
[DisallowConcurrentExecution]
public sealed class LedgerVerificationJob(VerificationRunner runner, CancellationToken abandon) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abandon);
        context.Result = await runner.RunAsync(VerificationRequest.Ledger, stop.Token);
    }
}
