using System.Text.Json;

namespace LineageHub.GraphQL.Execution;

/// <summary>Turns JSON (variables, extensions, test data) into the plain values the executor coerces.</summary>
public static class JsonInput
{
    /// <summary>
    /// Objects become <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>List&lt;object?&gt;</c>, integers
    /// <c>int</c> or <c>long</c>, other numbers <c>double</c>; strings, booleans and null as themselves.
    /// </summary>
    public static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToValue(property.Value);
                }
                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToValue(item));
                }
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }
                if (element.TryGetInt64(out var l))
                {
                    return l;
                }
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>A JSON object as a variables map; null for JSON null or absent.</summary>
    public static IReadOnlyDictionary<string, object?>? ToMap(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? (Dictionary<string, object?>)ToValue(element)! : null;
}
