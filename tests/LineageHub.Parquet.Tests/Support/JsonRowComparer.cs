using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>
/// Compares our JSON rows with DuckDB's, value for value, after normalising only what the two readers legitimately
/// present differently: DuckDB widens FLOAT to double and keeps timestamps in microseconds (so fractions are
/// compared to 6 digits, trailing zeros ignored), reads legacy TIMESTAMP_MILLIS/MICROS as zone-less where
/// LogicalTypes.md makes them UTC-adjusted (so the <c>Z</c> designator is not compared here; a dedicated test
/// covers it), and reads DECIMALs wider than 38 digits as DOUBLE.
/// </summary>
public static partial class JsonRowComparer
{
    /// <summary>Null when equal, else the path and both values of the first difference.</summary>
    public static string? Difference(string ours, string theirs)
    {
        using var a = JsonDocument.Parse(ours);
        using var b = JsonDocument.Parse(theirs);
        return Difference(a.RootElement, b.RootElement, "$");
    }

    private static string? Difference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject().Select(p => p.Name).ToList();
            var theirNames = b.EnumerateObject().Select(p => p.Name).ToList();
            if (!names.Order(StringComparer.Ordinal).SequenceEqual(theirNames.Order(StringComparer.Ordinal)))
            {
                return $"{path}: fields [{string.Join(",", names)}] vs [{string.Join(",", theirNames)}]";
            }
            foreach (var n in names)
            {
                if (Difference(a.GetProperty(n), b.GetProperty(n), $"{path}.{n}") is { } d)
                {
                    return d;
                }
            }
            return null;
        }
        if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
        {
            if (a.GetArrayLength() != b.GetArrayLength())
            {
                return $"{path}: {a.GetArrayLength()} items vs {b.GetArrayLength()}: {a.GetRawText()} vs {b.GetRawText()}";
            }
            var i = 0;
            foreach (var (x, y) in a.EnumerateArray().Zip(b.EnumerateArray()))
            {
                if (Difference(x, y, $"{path}[{i++}]") is { } d)
                {
                    return d;
                }
            }
            return null;
        }
        return ScalarEqual(a, b) ? null : $"{path}: {a.GetRawText()} vs {b.GetRawText()}";
    }

    private static bool ScalarEqual(JsonElement a, JsonElement b)
    {
        if (a.GetRawText() == b.GetRawText())
        {
            return true;
        }
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
        {
            return Temporal(a.GetString()!) == Temporal(b.GetString()!);
        }
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            var x = a.GetDouble();
            var y = b.GetDouble();
            // DuckDB widens FLOAT to the exact double of the float; we print the float's shortest form.
            return x == y || ((double)(float)y == y && (float)x == (float)y);
        }
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.Number && TryNumber(a, out var d))
        {
            // Decimals wider than 38 digits DuckDB reads as DOUBLE: they agree to double precision only.
            var n = b.GetDouble();
            return Math.Abs(d - n) <= 1e-12 * Math.Max(Math.Abs(d), Math.Abs(n));
        }
        return false;
    }

    private static bool TryNumber(JsonElement e, out double value)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            value = e.GetDouble();
            return true;
        }
        value = 0;
        return e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !e.GetString()!.Contains(':');
    }

    private static string Temporal(string s)
    {
        var m = TemporalPattern().Match(s);
        if (!m.Success)
        {
            return s;
        }
        var fraction = m.Groups["f"].Value;
        fraction = fraction.Length > 6 ? fraction[..6] : fraction;
        fraction = fraction.TrimEnd('0');
        return m.Groups["t"].Value + (fraction.Length > 0 ? "." + fraction : string.Empty);
    }

    [GeneratedRegex(@"^(?<t>(-?\d{4,}-\d\d-\d\dT)?\d\d:\d\d:\d\d)(\.(?<f>\d+))?(?<z>Z?)$")]
    private static partial Regex TemporalPattern();
}
