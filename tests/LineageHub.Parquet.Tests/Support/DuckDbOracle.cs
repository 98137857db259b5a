using System.ComponentModel;
using System.Text;
using LineageHub.Testing;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>
/// DuckDB (the pinned <c>@duckdb/node-api</c> package) as the reference reader. The first use installs the
/// package with <c>npm ci</c> in the test project's <c>duckdb</c> folder; a missing Node/npm fails loudly.
/// </summary>
public static class DuckDbOracle
{
    private static readonly NodePackageFolder Packages = new("tests/LineageHub.Parquet.Tests/duckdb", "@duckdb/node-api", "the DuckDB differential tests and benchmark");

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

    private static string Run(string program, string[] args, TimeSpan timeout)
    {
        Packages.EnsureInstalled();
        int code;
        string stdout;
        string stderr;
        try
        {
            (code, stdout, stderr) = Packages.Exec(program, args, null, timeout);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' was not found on PATH: the DuckDB differential tests and benchmark need Node.js 20+ with npm", e);
        }
        return code == 0 ? stdout : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {code}: {stderr}");
    }
}
