using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>
/// <c>lineagehub serve</c> on a data folder, in a child process on a free loopback port: the server as users
/// run it, with its own runtime configuration, rather than hosted inside the benchmark's process.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The CPU time the server has used so far (all its threads), to cost a request on the server alone.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The young-generation budget the server is deployed with (its Dockerfile sets it; README, Deployment).</summary>
    public const string DeployedGen0Budget = "0x4000000";

    /// <param name="dataDirectory">The server's data folder.</param>
    /// <param name="runtimeDefaultGC">Leave the GC budget to the runtime, as a server started without the shipped setting runs.</param>
    /// <param name="cancellationToken">Stops waiting for the server to become healthy.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, bool runtimeDefaultGC, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "lineagehub.dll"), "serve", "--data", dataDirectory, "--urls", url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Verification__Enabled"] = "false";
        start.Environment["DOTNET_GCgen0size"] = runtimeDefaultGC ? null : DeployedGen0Budget;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start lineagehub serve");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url);
        try
        {
            await server.WaitUntilHealthyAsync(output, cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    // Opening the store loads the graph's index, which takes a while on a large graph.
    private async Task WaitUntilHealthyAsync(System.Text.StringBuilder output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"lineagehub serve exited with {_process.ExitCode}:\n{output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(Url, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"lineagehub serve did not answer /healthz within 5 minutes:\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
