using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>
/// A closed-loop load generator over loopback: N keep-alive connections each send the same request back to
/// back, all driven by one thread that waits on the sockets together, as wrk does. The client shares the
/// machine with the server it measures, so it must cost little and never stall: HttpClient spent about
/// 80 µs of CPU a request on the 62 KB runs page and its thread-pool scheduling put a long tail on every
/// latency it reported; wrk on the same server, at the same time, gave a third more requests a second and
/// half the p99. This one sends prebuilt bytes and reads responses through without keeping them.
/// </summary>
internal static class LoopbackLoad
{
    /// <summary>What one measured run gave; <see cref="ServerCpuMicros"/> is the server's CPU time per request, when its process is known.</summary>
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, int Requests, double? ServerCpuMicros = null);

    /// <summary>
    /// POSTs <paramref name="query"/> as GraphQL, or GETs <paramref name="endpoint"/> when it is null; <paramref name="bearer"/>
    /// is sent as the API key. <paramref name="serverCpu"/>, when given, reads the server process's CPU time.
    /// Every response must be a 200 read to its end, or the run fails.
    /// </summary>
    public static Task<Result> RunAsync(Uri endpoint, string? query, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken, string? bearer = null, Func<TimeSpan>? serverCpu = null) =>
        OnOwnThread(endpoint, concurrency, connections =>
        {
            var request = RequestBytes(endpoint, query, bearer);
            Loop(connections, request, warmup, null, cancellationToken);
            var latencies = new List<double>[concurrency];
            for (var i = 0; i < concurrency; i++)
            {
                latencies[i] = new List<double>(100_000);
            }
            var cpuBefore = serverCpu?.Invoke();
            var watch = Stopwatch.StartNew();
            Loop(connections, request, duration, latencies, cancellationToken);
            var elapsed = watch.Elapsed.TotalSeconds;
            var cpu = serverCpu?.Invoke() - cpuBefore;
            var all = latencies.SelectMany(l => l).ToList();
            return new Result(all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count, cpu?.TotalMicroseconds / all.Count);
        }, cancellationToken);

    /// <summary>
    /// Loads a freshly started server until its rate stops rising, and returns how long that took. A .NET
    /// server recompiles its hot code with profile-guided optimisation as it runs, in the background; on a
    /// saturated machine that took some 20 s, during which the rate climbed from a fifth to all of its
    /// steady value, so a short fixed warm-up measured the compiler rather than the server. Steady: two 2 s
    /// windows in a row no more than 3 % faster than the best before them, after at least 10 s; at most 60 s.
    /// </summary>
    public static Task<TimeSpan> WarmUpAsync(Uri endpoint, string? query, int concurrency, CancellationToken cancellationToken, string? bearer = null) =>
        OnOwnThread(endpoint, concurrency, connections =>
        {
            var request = RequestBytes(endpoint, query, bearer);
            var window = TimeSpan.FromSeconds(2);
            var watch = Stopwatch.StartNew();
            var best = 0.0;
            var flat = 0;
            var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>()).ToArray();
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && (flat < 2 || watch.Elapsed < TimeSpan.FromSeconds(10)))
            {
                var start = watch.Elapsed;
                Loop(connections, request, window, latencies, cancellationToken);
                var rate = latencies.Sum(l => l.Count) / (watch.Elapsed - start).TotalSeconds;
                Array.ForEach(latencies, l => l.Clear());
                flat = rate <= best * 1.03 ? flat + 1 : 0;
                best = Math.Max(best, rate);
            }
            return watch.Elapsed;
        }, cancellationToken);

    // Runs body on a thread of its own (it blocks in Socket.Select) with the connections open.
    private static Task<T> OnOwnThread<T>(Uri endpoint, int concurrency, Func<LoadConnection[], T> body, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() =>
        {
            var server = new IPEndPoint(IPAddress.TryParse(endpoint.Host, out var address) ? address : Dns.GetHostAddresses(endpoint.DnsSafeHost)[0], endpoint.Port);
            var connections = new LoadConnection[concurrency];
            try
            {
                for (var i = 0; i < concurrency; i++)
                {
                    connections[i] = new LoadConnection(server, endpoint);
                }
                return body(connections);
            }
            finally
            {
                foreach (var connection in connections)
                {
                    connection?.Dispose();
                }
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Until the deadline each connection has one request in flight; at it, the ones in flight are read to their end.
    private static void Loop(LoadConnection[] connections, byte[] request, TimeSpan duration, List<double>[]? latencies, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var buffer = new byte[64 * 1024];
        var bySocket = new Dictionary<Socket, int>(connections.Length);
        var waiting = new List<Socket>(connections.Length);
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i].Send(request);
            bySocket[connections[i].Socket] = i;
        }
        while (bySocket.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            waiting.Clear();
            waiting.AddRange(bySocket.Keys);
            Socket.Select(waiting, null, null, 30_000_000);
            if (waiting.Count == 0)
            {
                throw new TimeoutException($"no response from {connections[0].Endpoint} in 30 s");
            }
            foreach (var socket in waiting)
            {
                var index = bySocket[socket];
                var connection = connections[index];
                if (!connection.Receive(buffer, out var latency))
                {
                    continue;
                }
                latencies?[index].Add(latency);
                bySocket.Remove(socket);
                if (Stopwatch.GetTimestamp() < deadline)
                {
                    connection.Send(request);
                    bySocket[connection.Socket] = index;
                }
            }
        }
    }

    private static byte[] RequestBytes(Uri endpoint, string? query, string? bearer)
    {
        var body = query is null ? [] : Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query }));
        var head = new StringBuilder()
            .Append(query is null ? "GET " : "POST ").Append(endpoint.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(endpoint.Authority).Append("\r\n");
        if (bearer is not null)
        {
            head.Append("Authorization: Bearer ").Append(bearer).Append("\r\n");
        }
        if (query is not null)
        {
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }
        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }
}
