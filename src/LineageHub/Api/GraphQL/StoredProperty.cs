using System.Text;
using System.Text.Json;
using LineageHub.Core.Domain;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// One top-level property of a node's stored (canonical JSON) properties, read straight from the bytes:
/// the reader skips to it and converts its value alone, as <see cref="NodeCodec"/> would have while
/// decoding the whole record. A view that shows three fields of a node reads three values, not the record.
/// </summary>
internal sealed class StoredProperty
{
    private readonly byte[] _name;
    private readonly Convert _convert;

    private StoredProperty(string name, Convert convert)
    {
        _name = Encoding.UTF8.GetBytes(name);
        _convert = convert;
    }

    /// <summary>Converts the value the reader is on.</summary>
    public delegate object? Convert(ref Utf8JsonReader reader);

    /// <summary>A string property.</summary>
    public static StoredProperty Text(string name) => new(name, static (ref Utf8JsonReader r) => r.GetString());

    /// <summary>A whole-number property, as the double GraphQL's <c>Float</c> serializes.</summary>
    public static StoredProperty Number(string name) => new(name, static (ref Utf8JsonReader r) => (double)r.GetInt64());

    /// <summary>A time property, parsed as System.Text.Json parses it.</summary>
    public static StoredProperty Time(string name) => new(name, static (ref Utf8JsonReader r) => r.GetDateTimeOffset());

    /// <summary>An enum property (snake_case names, as the codec writes them), boxed once per value.</summary>
    public static StoredProperty Enum<T>(string name)
        where T : struct, System.Enum
    {
        var values = System.Enum.GetValues<T>()
            .Select(v => (Name: Encoding.UTF8.GetBytes(JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())), Value: (object)v))
            .ToArray();
        return new(name, (ref Utf8JsonReader r) =>
        {
            foreach (var (text, value) in values)
            {
                if (r.ValueTextEquals(text))
                {
                    return value;
                }
            }
            // Not a name the codec writes: let it report the value as it would have.
            return JsonSerializer.Deserialize<T>(ref r, NodeCodec.Options);
        });
    }

    /// <summary>A property of any JSON value, passed on as it is stored.</summary>
    public static StoredProperty Json(string name) => new(name, static (ref Utf8JsonReader r) => JsonElement.ParseValue(ref r));

    /// <summary>A property of any other type, converted by the codec's own options.</summary>
    public static StoredProperty Typed<T>(string name) => new(name, static (ref Utf8JsonReader r) => JsonSerializer.Deserialize<T>(ref r, NodeCodec.Options));

    /// <summary>The property's value in <paramref name="json"/>, or null when the record does not have it (nulls are not stored).</summary>
    public object? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = NodeCodec.Options.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Core.LineageHubException.Corrupt("stored node properties are not a JSON object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(_name);
            reader.Read();
            if (found)
            {
                return reader.TokenType == JsonTokenType.Null ? null : _convert(ref reader);
            }
            reader.Skip();
        }
        return null;
    }
}
