using Quartz;

namespace LineageHub.Integrity.Jobs;

/// <summary>One verification queued by the <c>verifyNow</c> mutation: its request travels in the job data.</summary>
[DisallowConcurrentExecution]
public sealed class OnDemandVerificationJob(VerificationRunner runner, CancellationToken abandon) : IJob
{
    public const string ScopeKey = "scope";
    public const string ValueKey = "value";
    public const string NameKey = "name";

    public static JobDataMap Data(VerificationRequest request) => new()
    {
        [ScopeKey] = request.Scope.ToString(),
        [ValueKey] = request.Value ?? "",
        [NameKey] = request.Name ?? "",
    };

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var scope = Enum.Parse<VerificationScope>(Text(data, ScopeKey));
        var value = Text(data, ValueKey);
        var name = Text(data, NameKey);
        var request = new VerificationRequest(scope, value.Length == 0 ? null : value, name.Length == 0 ? null : name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abandon);
        context.Result = await runner.RunAsync(request, stop.Token);
    }

    private static string Text(JobDataMap data, string key) => data.TryGetValue(key, out var value) && value is string text ? text : "";
}
