using System.Diagnostics;

namespace LineageHub.Benchmarks;

/// <summary>Runs the anchor tools' scripts in tests/LineageHub.Benchmarks/anchors with Node.</summary>
public static class Anchors
{
    /// <summary>The anchors folder of the source tree, found upward from the benchmark binary.</summary>
    public static string? Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "anchors", "package.json");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate);
            }
            var fromRoot = Path.Combine(dir.FullName, "tests", "LineageHub.Benchmarks", "anchors", "package.json");
            if (File.Exists(fromRoot))
            {
                return Path.GetDirectoryName(fromRoot);
            }
        }
        return null;
    }

    /// <summary>Installs the pinned packages (npm ci) once; false, with the reason printed, when that fails.</summary>
    public static bool EnsureInstalled(string anchors)
    {
        if (System.IO.Directory.Exists(Path.Combine(anchors, "node_modules")))
        {
            return true;
        }
        var (exit, _, error) = Run("npm", anchors, "ci", "--no-audit", "--no-fund");
        if (exit != 0)
        {
            Console.WriteLine($"anchors: 'npm ci' failed ({exit}); anchor figures are skipped: {error}");
            return false;
        }
        return true;
    }

    public static (int ExitCode, string Output, string Error) Node(string anchors, string script, params string[] args) =>
        Run("node", anchors, [script, .. args]);

    private static (int ExitCode, string Output, string Error) Run(string program, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", $"{program} is not installed: {ex.Message}");
        }
    }
}
