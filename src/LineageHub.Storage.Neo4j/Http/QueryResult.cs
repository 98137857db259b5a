using System.Text.Json;

namespace LineageHub.Storage.Neo4j.Http;

/// <summary>The rows a statement returned, read by field name (the Query API's plain JSON: <c>data.fields</c> and <c>data.values</c>).</summary>
public sealed class QueryResult
{
    private readonly Dictionary<string, int> _columns;

    public QueryResult(IReadOnlyList<string> fields, IReadOnlyList<JsonElement[]> rows)
    {
        Fields = fields;
        Rows = rows;
        _columns = fields.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<JsonElement[]> Rows { get; }

    public int Count => Rows.Count;

    public JsonElement Value(int row, string field) =>
        _columns.TryGetValue(field, out var column) && column < Rows[row].Length
            ? Rows[row][column]
            : throw new InvalidDataException($"the Query API response has no field '{field}' (fields: {string.Join(", ", Fields)})");

    public string? String(int row, string field)
    {
        var value = Value(row, field);
        return value.ValueKind == JsonValueKind.Null ? null : value.GetString();
    }

    public long Int64(int row, string field) => Value(row, field).GetInt64();

    public long? NullableInt64(int row, string field)
    {
        var value = Value(row, field);
        return value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();
    }

    /// <summary>Reads <c>{"data": {"fields": [...], "values": [[...], ...]}}</c>; a body without data is an empty result.</summary>
    internal static QueryResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new QueryResult([], []);
        }
        var fields = data.TryGetProperty("fields", out var f) ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
        var rows = data.TryGetProperty("values", out var v)
            ? v.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.Clone()).ToArray()).ToArray()
            : [];
        return new QueryResult(fields, rows);
    }
}
