using System.ComponentModel;
using System.Diagnostics;

namespace LineageHub.Connectors.Datasets.Tests.Support;

/// <summary>Runs a tool to completion; a missing tool or a non-zero exit fails the test with its output.</summary>
public static class Processes
{
    public static (int ExitCode, string Out, string Error) Run(string program, string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within 5 minutes");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"'{program}' is not on PATH; this test needs it", ex);
        }
    }

    public static string Check(string program, string workingDirectory, params string[] args)
    {
        var (exit, output, error) = Run(program, workingDirectory, args);
        Assert.True(exit == 0, $"{program} {string.Join(' ', args)} exited with {exit}: {error}");
        return output;
    }
}
