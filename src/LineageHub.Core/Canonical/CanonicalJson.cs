using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LineageHub.Core.Canonical;

/// <summary>
/// Writes JSON in one canonical form (after RFC 8785, JCS): no white space, object members sorted by
/// their UTF-16 code units, duplicate names rejected, strings with the minimal escapes, integers as
/// plain digits. Equal content gives equal bytes, which is what idempotent registration and the
/// ledger's leaf hashes rely on. schema/ledger.md documents the form.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The deepest nesting accepted; deeper input is rejected rather than recursed into.</summary>
    public const int MaxDepth = 64;

    public static byte[] Encode(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(element, buffer, 0);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Canonicalises arbitrary JSON text (rejecting what is not valid JSON).</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        return Encode(document.RootElement);
    }

    private static void Write(JsonElement element, IBufferWriter<byte> output, int depth)
    {
        if (depth > MaxDepth)
        {
            throw LineageHubException.InvalidInput($"JSON nested deeper than {MaxDepth} levels");
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                Put(output, "{");
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                        {
                            throw LineageHubException.InvalidInput($"JSON object has the member '{members[i].Name}' twice");
                        }
                        Put(output, ",");
                    }
                    WriteString(members[i].Name, output);
                    Put(output, ":");
                    Write(members[i].Value, output, depth + 1);
                }
                Put(output, "}");
                break;
            case JsonValueKind.Array:
                Put(output, "[");
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        Put(output, ",");
                    }
                    first = false;
                    Write(item, output, depth + 1);
                }
                Put(output, "]");
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                Put(output, FormatNumber(element));
                break;
            case JsonValueKind.True:
                Put(output, "true");
                break;
            case JsonValueKind.False:
                Put(output, "false");
                break;
            default:
                Put(output, "null");
                break;
        }
    }

    // Integers that fit 64 bits print as digits; everything else as the shortest round-trip double,
    // with the exponent written as JavaScript writes it (1e+21, 1e-7).
    private static string FormatNumber(JsonElement number)
    {
        if (number.TryGetInt64(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        var value = number.GetDouble();
        if (!double.IsFinite(value))
        {
            throw LineageHubException.InvalidInput($"JSON number {number.GetRawText()} is out of range");
        }
        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            return value.ToString("F0", CultureInfo.InvariantCulture);
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }
        var exponent = int.Parse(text.AsSpan(e + 1), CultureInfo.InvariantCulture);
        return $"{text[..e]}e{(exponent >= 0 ? "+" : "-")}{Math.Abs(exponent)}";
    }

    internal static void WriteString(string value, IBufferWriter<byte> output)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
        Put(output, builder.ToString());
    }

    internal static void Put(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
