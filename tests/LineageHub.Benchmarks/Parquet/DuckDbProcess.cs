using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace LineageHub.Benchmarks.Parquet;

/// <summary>
/// Drives DuckDB through the Parquet test project's pinned oracle script (installing it with npm ci on first use),
/// so the benchmark and the differential tests use the same DuckDB.
/// </summary>
internal static class DuckDbProcess
{
    public static void Execute(string sql)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lineagehub-bench-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, sql);
        try
        {
            Run("node", ["oracle.mjs", "exec", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Median wall-clock seconds of three single-threaded runs.</summary>
    public static double Time(string sql) =>
        double.Parse(Run("node", ["oracle.mjs", "time", sql]).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The first row of <paramref name="sql"/> as a JSON object.</summary>
    public static string Query(string sql) => Run("node", ["oracle.mjs", "query", sql]).Trim();

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "LineageHub.Parquet.Tests", "duckdb");
            if (File.Exists(Path.Combine(candidate, "oracle.mjs")))
            {
                if (!Directory.Exists(Path.Combine(candidate, "node_modules", "@duckdb", "node-api")))
                {
                    Run("npm", ["ci", "--no-audit", "--no-fund"], candidate);
                }
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/LineageHub.Parquet.Tests/duckdb was not found above the benchmark's folder");
    }

    private static string Run(string program, string[] args, string? folder = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder ?? Folder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {stderr.Result}");
            }
            return stdout.Result;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' was not found on PATH: this benchmark needs Node.js 20+ with npm", e);
        }
    }
}
