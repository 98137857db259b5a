using System.Globalization;
using System.Text.Json;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Json;

public static partial class ParquetJsonLinesWriter
{
    /// <summary>Largest integer every JSON reader (IEEE double) holds exactly.</summary>
    private const long MaxSafeInteger = (1L << 53) - 1;

    /// <summary>Writes one value with the documented mapping.</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                if (l is >= -MaxSafeInteger and <= MaxSafeInteger)
                {
                    json.WriteNumberValue(l);
                }
                else
                {
                    json.WriteStringValue(l.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case ulong u:
                if (u <= MaxSafeInteger)
                {
                    json.WriteNumberValue(u);
                }
                else
                {
                    json.WriteStringValue(u.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case float f:
                if (float.IsFinite(f))
                {
                    json.WriteNumberValue(f);
                }
                else
                {
                    json.WriteStringValue(NonFinite(f));
                }
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    json.WriteNumberValue(d);
                }
                else
                {
                    json.WriteStringValue(NonFinite(d));
                }
                break;
            case Half h:
                WriteValue(json, (float)h);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case Guid g:
                json.WriteStringValue(g.ToString("D"));
                break;
            case ParquetDecimal or ParquetDate or ParquetTime or ParquetTimestamp:
                json.WriteStringValue(value.ToString());
                break;
            case ParquetStruct st:
                json.WriteStartObject();
                for (var i = 0; i < st.Count; i++)
                {
                    json.WritePropertyName(st.Names[i]);
                    WriteValue(json, st.Values[i]);
                }
                json.WriteEndObject();
                break;
            case IReadOnlyList<KeyValuePair<object?, object?>> map:
                json.WriteStartArray();
                foreach (var (k, v) in map)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("key");
                    WriteValue(json, k);
                    json.WritePropertyName("value");
                    WriteValue(json, v);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case IReadOnlyList<object?> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"no JSON mapping for {value.GetType()}", nameof(value));
        }
    }

    private static string NonFinite(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
}
