using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>
/// DuckDB (the pinned <c>@duckdb/node-api</c> package) as the reference reader. The first use installs the
/// package with <c>npm ci</c> in the test project's <c>duckdb</c> folder; a missing Node/npm fails loudly.
/// </summary>
public static class DuckDbOracle
{
    private static readonly Lazy<string> Folder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding package.json and oracle.mjs (its node_modules installed).</summary>
    public static string Directory => Folder.Value;

    /// <summary>DuckDB's rows of <paramref name="parquetFile"/> as JSON Lines in the reader's mapping.</summary>
    public static string[] Rows(string parquetFile)
    {
        var output = Path.Combine(Path.GetTempPath(), $"lineagehub-oracle-{Guid.NewGuid():N}.jsonl");
        try
        {
            Run("node", ["oracle.mjs", "rows", parquetFile, output], TimeSpan.FromMinutes(5));
            var text = File.ReadAllText(output, Encoding.UTF8);
            return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs SQL statements in a fresh single-threaded DuckDB (used to write test files).</summary>
    public static void Execute(string sql)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lineagehub-oracle-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, sql);
        try
        {
            Run("node", ["oracle.mjs", "exec", file], TimeSpan.FromMinutes(10));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Median seconds of three single-threaded runs of <paramref name="sql"/>.</summary>
    public static double Time(string sql)
    {
        var output = Run("node", ["oracle.mjs", "time", sql], TimeSpan.FromMinutes(10));
        return double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Install()
    {
        var folder = FindFolder();
        if (!File.Exists(Path.Combine(folder, "node_modules", "@duckdb", "node-api", "package.json")))
        {
            Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(10), folder);
        }
        return folder;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "duckdb");
            if (File.Exists(Path.Combine(candidate, "oracle.mjs")) && File.Exists(Path.Combine(dir.FullName, "LineageHub.Parquet.Tests.csproj")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"the duckdb folder of the Parquet test project was not found above {AppContext.BaseDirectory}");
    }

    private static string Run(string program, string[] args, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' was not found on PATH: the DuckDB differential tests and benchmark need Node.js 20+ with npm", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
            }
            return stdout.Result;
        }
    }
}
