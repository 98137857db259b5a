using System.Diagnostics;
using System.Text.Json;

namespace LineageHub.Benchmarks.Foundation;

/// <summary>
/// DuckDB's recursive CTE on the same edge list, run from the pinned <c>@duckdb/node-api</c> package
/// in anchors/ (installed with <c>npm ci</c> on first use). Null, with the reason printed, when Node or
/// the package is unavailable: the table then says n/a rather than inventing a figure.
/// </summary>
public static class DuckDbAnchor
{
    public sealed record Figures(double LoadMs, double FullMs, long FullCount, double Depth5Ms);

    public static Figures? Run(string csv, int node)
    {
        var anchors = Anchors.Directory();
        if (anchors is null)
        {
            Console.WriteLine("DuckDB anchor: the anchors folder was not found beside the benchmark sources; skipped");
            return null;
        }
        if (!Anchors.EnsureInstalled(anchors))
        {
            return null;
        }
        var (exit, output, error) = Anchors.Node(anchors, "duckdb-closure.mjs", csv, node.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            Console.WriteLine($"DuckDB anchor failed ({exit}): {error}");
            return null;
        }
        return JsonSerializer.Deserialize<Figures>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
