using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LineageHub.Parquet.Json;

/// <summary>
/// Writes rows as JSON Lines (one object per row) and the schema as one JSON document, with a fixed mapping:
/// <list type="bullet">
/// <item>BOOLEAN, INT32, FLOAT, DOUBLE, FLOAT16 → JSON numbers/booleans; NaN and infinities → the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</item>
/// <item>64-bit integers (signed and unsigned) → numbers when |v| ≤ 2^53−1 (exact in every JSON reader), strings otherwise.</item>
/// <item>DECIMAL → a string with exactly <c>scale</c> fraction digits (<c>"-12.30"</c>).</item>
/// <item>TIMESTAMP and INT96 → ISO-8601 with the unit's fraction digits; UTC-adjusted values end in <c>Z</c>,
/// local ones carry no zone. DATE → <c>yyyy-MM-dd</c>; TIME → <c>HH:mm:ss.fff…</c>.</item>
/// <item>STRING, ENUM, JSON → strings; UUID → canonical lowercase string; other binary (BSON, unannotated) → base64.</item>
/// <item>Groups → objects; LIST and repeated fields → arrays; MAP → an array of <c>{"key":…,"value":…}</c> objects
/// (keys need not be strings).</item>
/// </list>
/// </summary>
public static partial class ParquetJsonLinesWriter
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>
    /// Writes the rows of <paramref name="reader"/> as JSON Lines to <paramref name="output"/>: only the named
    /// top-level fields when <paramref name="columns"/> is given, at most <paramref name="limit"/> rows.
    /// Returns the number of rows written.
    /// </summary>
    public static long WriteRows(ParquetReader reader, Stream output, IReadOnlyList<string>? columns = null, long? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "limit must not be negative");
        }
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        long written = 0;
        if (limit == 0)
        {
            return 0;
        }
        foreach (var row in reader.ReadRows(columns))
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.Reset(buffer);
            WriteValue(json, row);
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
            if (++written == limit)
            {
                break;
            }
        }
        output.Write(buffer.WrittenSpan);
        output.Flush();
        return written;
    }

    /// <summary>Formats one row (or any value read from a file) as a single JSON text with the mapping above.</summary>
    public static string FormatValue(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteValue(json, value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
