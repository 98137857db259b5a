using System.Collections;
using System.Globalization;
using System.Text;

namespace LineageHub.GraphQL.Execution;

/// <summary>Renders values in error messages the way graphql-js's <c>inspect</c> does, so messages match.</summary>
internal static class Inspect
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => Number(f),
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IReadOnlyDictionary<string, object?> map => map.Count == 0 ? "{}" : "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + Value(kv.Value))) + " }",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Formats a number as JavaScript's <c>String(number)</c> does for the common cases.</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (double.IsInteger(d) && Math.Abs(d) < 1e21)
        {
            return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        }
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text[..e]).Append('e');
        var exponent = text[(e + 1)..];
        sb.Append(exponent.StartsWith('-') ? exponent : "+" + exponent.TrimStart('+'));
        return sb.ToString();
    }
}
