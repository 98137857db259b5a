using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>A closed-loop load generator over loopback: N workers post the same request back to back.</summary>
internal static class LoopbackLoad
{
    /// <summary>What one measured run gave; <see cref="ServerCpuMicros"/> is the server's CPU time per request, when its process is known.</summary>
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, int Requests, double? ServerCpuMicros = null);

    /// <summary>
    /// POSTs <paramref name="query"/> as GraphQL, or GETs <paramref name="endpoint"/> when it is null; <paramref name="bearer"/>
    /// is sent as the API key. <paramref name="serverCpu"/>, when given, reads the server process's CPU time.
    /// </summary>
    public static async Task<Result> RunAsync(Uri endpoint, string? query, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken, string? bearer = null, Func<TimeSpan>? serverCpu = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        var body = query is null ? null : Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query }));
        await LoopAsync(client, endpoint, body, concurrency, warmup, null, cancellationToken);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(100_000);
        }
        var cpuBefore = serverCpu?.Invoke();
        var watch = Stopwatch.StartNew();
        await LoopAsync(client, endpoint, body, concurrency, duration, latencies, cancellationToken);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpu = serverCpu?.Invoke() - cpuBefore;
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count, cpu?.TotalMicroseconds / all.Count);
    }

    private static async Task LoopAsync(HttpClient client, Uri endpoint, byte[]? body, int concurrency, TimeSpan duration, List<double>[]? latencies, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var buffer = new byte[16 * 1024];
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using var content = body is null ? null : new ByteArrayContent(body);
                content?.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                // The body is read through to its end but not kept: buffering a large answer (the runs page is
                // 62 KB) allocated a large-object buffer per response, and the load generator's own collections
                // then stalled every worker at once and showed up as server latency.
                using var request = new HttpRequestMessage(content is null ? HttpMethod.Get : HttpMethod.Post, endpoint) { Content = content };
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
                {
                    while (await stream.ReadAsync(buffer, cancellationToken) > 0)
                    {
                    }
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}");
                }
                latencies?[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
    }
}
