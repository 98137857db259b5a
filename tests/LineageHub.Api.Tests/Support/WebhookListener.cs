using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LineageHub.Api.Tests.Support;

/// <summary>
/// A webhook receiver on 127.0.0.1 that records every POST (its Idempotency-Key and JSON body); it answers
/// the first <c>failFirst</c> requests with 503 so retries can be seen.
/// </summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _toFail;

    public WebhookListener(int failFirst = 0)
    {
        _toFail = failFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/alerts/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request received, failed ones included.</summary>
    public ConcurrentQueue<(string IdempotencyKey, JsonElement Body, int Status)> Requests { get; } = new();

    public IReadOnlyList<JsonElement> Delivered => [.. Requests.Where(r => r.Status == 200).Select(r => r.Body)];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            var status = Interlocked.Decrement(ref _toFail) >= 0 ? 503 : 200;
            Requests.Enqueue((context.Request.Headers["Idempotency-Key"] ?? "", body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
