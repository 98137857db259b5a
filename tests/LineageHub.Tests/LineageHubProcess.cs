using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LineageHub.Tests;

/// <summary>Runs the real <c>lineagehub</c> executable (built beside the tests) as a user would.</summary>
public static class LineageHubProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, "lineagehub.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The tests choose their own store; an ambient one must not leak in.
        info.Environment.Remove("LINEAGEHUB_DATA");
        info.Environment.Remove("LINEAGEHUB_SERVER");
        info.Environment.Remove("LINEAGEHUB_URLS");
        info.Environment.Remove("LINEAGEHUB_API_KEY");
        // A scheduled check landing mid-test would add ledger entries the test does not expect.
        info.Environment["Verification__Enabled"] = "false";
        foreach (var name in (string[])["LINEAGEHUB_STORE", "LINEAGEHUB_NEO4J_URL", "LINEAGEHUB_NEO4J_DATABASE", "LINEAGEHUB_NEO4J_USER", "LINEAGEHUB_NEO4J_PASSWORD", "LINEAGEHUB_NEO4J_PASSWORD_FILE"])
        {
            info.Environment.Remove(name);
        }
        return info;
    }

    /// <summary>Runs a verb to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs a verb with extra environment variables (an API key, say).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>lineagehub serve</c> on a free loopback port and waits until /healthz answers.</summary>
    public static async Task<(Process Server, Uri Url)> StartServerAsync(string dataDirectory)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(StartInfo("serve", "--urls", url.ToString().TrimEnd('/'), "--data", dataDirectory))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"lineagehub serve exited with {process.ExitCode} before it answered");
            }
            try
            {
                if ((await http.GetAsync(new Uri(url, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return (process, url);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("lineagehub serve did not answer /healthz within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
