using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// Reads a mutation's coerced input object (the engine has already checked types and required fields)
/// into domain values, checking what the schema cannot say; each failure names the input field at fault.
/// </summary>
internal sealed class Inputs(IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> path)
{
    public const string FieldData = "field";

    public static Inputs Root(LineageHub.GraphQL.Execution.ResolveFieldContext context) =>
        new(context.GetArgument<IReadOnlyDictionary<string, object?>>("input")!, ["input"]);

    public string Text(string name) => (string)values[name]!;

    public string? OptionalText(string name) => values.GetValueOrDefault(name) as string;

    public T Value<T>(string name) => (T)values[name]!;

    public T? Optional<T>(string name)
        where T : struct => values.GetValueOrDefault(name) is T value ? value : null;

    public Inputs? Object(string name) =>
        values.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> inner ? new Inputs(inner, [.. path, name]) : null;

    public IEnumerable<Inputs> Objects(string name) =>
        (values.GetValueOrDefault(name) as List<object?> ?? []).Select((item, i) => new Inputs((IReadOnlyDictionary<string, object?>)item!, [.. path, name, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

    public IReadOnlyList<string> Texts(string name) => [.. (values.GetValueOrDefault(name) as List<object?> ?? []).Cast<string>()];

    /// <summary>A list of ids of dataset versions.</summary>
    public IReadOnlyList<DatasetVersionId> VersionIds(string name) => [.. Texts(name).Select((text, i) => Guarded(() =>
    {
        return DatasetVersionId.TryFromKey(Ids.Parse(text, name, NodeKind.DatasetVersion), out var id)
            ? id
            : throw LineageHubException.InvalidInput(ApiMessages.BadId(name, text));
    }, name, i))];

    /// <summary>A count sent as a Float (GraphQL's Int is 32 bits): a whole number from 0 to 2^53.</summary>
    public long Count(string name)
    {
        var value = (double)values[name]!;
        return double.IsInteger(value) && value is >= 0 and <= 9_007_199_254_740_992d
            ? (long)value
            : throw At(LineageHubException.InvalidInput(ApiMessages.NotWholeNumber(name, value)), name);
    }

    public IReadOnlyDictionary<string, string>? StringMap(string name) =>
        Map(name, JsonValueKind.String, e => e.GetString()!, ApiMessages.NotStringMap);

    public IReadOnlyDictionary<string, double>? NumberMap(string name) =>
        Map(name, JsonValueKind.Number, e => e.GetDouble(), ApiMessages.NotNumberMap);

    public JsonElement? Json(string name) => values.GetValueOrDefault(name) is JsonElement e ? e : null;

    /// <summary>Runs <paramref name="read"/>, attaching this input's path (plus <paramref name="name"/>) to an input error it throws.</summary>
    public T Guarded<T>(Func<T> read, string name, int? index = null)
    {
        try
        {
            return read();
        }
        catch (LineageHubException ex) when (ex.Code == ErrorCode.InvalidInput && !ex.Data.Contains(FieldData))
        {
            throw At(ex, name, index);
        }
    }

    private LineageHubException At(LineageHubException ex, string name, int? index = null)
    {
        var field = new List<string>(path) { name };
        if (index is { } i)
        {
            field.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        ex.Data[FieldData] = field;
        return ex;
    }

    private SortedDictionary<string, T>? Map<T>(string name, JsonValueKind kind, Func<JsonElement, T> read, Func<string, string> message)
    {
        if (Json(name) is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw At(LineageHubException.InvalidInput(message(name)), name);
        }
        var map = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == kind ? read(property.Value) : throw At(LineageHubException.InvalidInput(message(name)), name);
        }
        return map;
    }
}
