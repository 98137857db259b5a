using System.Collections;
using System.Text.Json;

namespace LineageHub.GraphQL.Execution;

/// <summary>Writes an <see cref="ExecutionResult"/> as the JSON response body (spec 7.1 Response Format).</summary>
public static class ResultJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    /// <summary>Writes the result to a UTF-8 JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in result.Errors)
            {
                WriteError(writer, error);
            }
            writer.WriteEndArray();
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }
        if (result.Extensions is not null)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, result.Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the result to a stream as UTF-8 JSON.</summary>
    public static void Write(Stream stream, ExecutionResult result)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        Write(writer, result);
    }

    /// <summary>The result as a JSON string.</summary>
    public static string ToJson(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        Write(stream, result);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is not null)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, error.Extensions);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case IJsonStringValue text: text.WriteTo(writer); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            // A whole number held as a double (a count through Float) is written as the integer it is: the
            // same text, without the shortest-round-trip search. Negative zero keeps its sign.
            case double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) && !(d == 0 && double.IsNegative(d)): writer.WriteNumberValue((long)d); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case double: writer.WriteNullValue(); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case short or byte or sbyte or ushort or uint: writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case JsonElement e: e.WriteTo(writer); break;
            case ResultMap map:
                var keys = map.KeyArray;
                var encoded = map.EncodedKeys;
                var values = map.ValueArray;
                writer.WriteStartObject();
                for (var i = 0; i < keys.Length; i++)
                {
                    if (encoded is not null)
                    {
                        writer.WritePropertyName(encoded[i]);
                    }
                    else
                    {
                        writer.WritePropertyName(keys[i]);
                    }
                    WriteValue(writer, values[i]);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
