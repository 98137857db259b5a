using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using LineageHub.Core.Domain;

namespace LineageHub.Integrity;

/// <summary>
/// Sends alerts in the background: every alert is logged as a structured event at once, then queued on a
/// bounded channel that one loop drains, POSTing the alert as JSON to each webhook with an
/// <c>Idempotency-Key</c> header (the check's id) and retrying failures with exponential backoff. Publishing
/// only writes to the channel, so the job that raised the alert never waits; a full queue drops the alert
/// with a logged error rather than block.
/// </summary>
public sealed partial class AlertDispatcher : IAlertSink, IAsyncDisposable
{
    public const int QueueCapacity = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<VerificationAlert> _queue = Channel.CreateBounded<VerificationAlert>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly IReadOnlyList<Uri> _webhooks;
    private readonly int _attempts;
    private readonly TimeSpan _backoff;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public AlertDispatcher(VerificationSettings settings, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        _webhooks = [.. settings.Webhooks.Select(w => new Uri(w, UriKind.Absolute))];
        _attempts = Math.Max(1, settings.WebhookAttempts);
        _backoff = TimeSpan.FromSeconds(Math.Max(0, settings.WebhookBackoffSeconds));
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(10);
        _time = time;
        _logger = logger;
        _loop = Task.Run(DeliverAsync);
    }

    public void Publish(VerificationAlert alert)
    {
        LogAlert(_logger, alert.Target, alert.Previous?.ToString().ToUpperInvariant() ?? "UNVERIFIED", alert.Outcome.ToString().ToUpperInvariant(), alert.Id, alert.Summary);
        if (_webhooks.Count > 0 && !_queue.Writer.TryWrite(alert))
        {
            LogDropped(_logger, alert.Id, QueueCapacity);
        }
    }

    /// <summary>The JSON body a webhook receives.</summary>
    public static object Body(VerificationAlert alert) => new
    {
        id = alert.Id.ToString("D"),
        idempotencyKey = alert.Id.ToString("D"),
        target = alert.Target,
        previous = alert.Previous?.ToString().ToUpperInvariant(),
        outcome = alert.Outcome.ToString().ToUpperInvariant(),
        recovered = alert.Outcome == VerificationOutcome.Ok,
        checkedAt = alert.CheckedAt,
        summary = alert.Summary,
        details = alert.Details,
    };

    private async Task DeliverAsync()
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                foreach (var webhook in _webhooks)
                {
                    await SendAsync(webhook, alert, _stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: what is still queued is in the log and in the facts (the alerts query).
        }
    }

    private async Task SendAsync(Uri webhook, VerificationAlert alert, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _attempts; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = JsonContent.Create(Body(alert), options: Json) };
                request.Headers.Add("Idempotency-Key", alert.Id.ToString("D"));
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out";
            }
            if (attempt == _attempts)
            {
                LogGaveUp(_logger, alert.Id, webhook, attempt, failure);
                return;
            }
            var delay = _backoff * Math.Pow(2, attempt - 1);
            LogRetry(_logger, alert.Id, webhook, attempt, failure, delay.TotalSeconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        // Queued alerts get a moment to go out; then the loop is stopped.
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(5), _time));
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
        _http.Dispose();
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "integrity of {Target} changed from {Previous} to {Outcome} (verification {VerificationId}): {Summary}")]
    private static partial void LogAlert(ILogger logger, string target, string previous, string outcome, Guid verificationId, string summary);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "alert {VerificationId} not queued for webhooks: {Capacity} alerts are already waiting")]
    private static partial void LogDropped(ILogger logger, Guid verificationId, int capacity);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "alert {VerificationId} to {Webhook}: attempt {Attempt} failed ({Failure}); retrying in {Seconds} s")]
    private static partial void LogRetry(ILogger logger, Guid verificationId, Uri webhook, int attempt, string failure, double seconds);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "alert {VerificationId} to {Webhook}: gave up after {Attempts} attempts ({Failure})")]
    private static partial void LogGaveUp(ILogger logger, Guid verificationId, Uri webhook, int attempts, string failure);
}
