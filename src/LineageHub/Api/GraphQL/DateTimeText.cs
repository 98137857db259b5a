using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A <c>DateTime</c> result: ISO-8601 with its offset, the fraction's trailing zeros dropped
/// (<c>2026-05-01T09:00:00+00:00</c>, <c>…:00.25+02:00</c>), written into the response as UTF-8 with no
/// string made in between: a page of runs writes a time per run.
/// </summary>
internal sealed class DateTimeText(DateTimeOffset value) : IJsonStringValue
{
    // "O" (round trip) is the runtime's fast path; it differs from ours only in always showing seven
    // fraction digits, after "yyyy-MM-ddTHH:mm:ss." and before the offset.
    private const int FractionStart = 20;
    private const int FractionEnd = FractionStart + 7;
    private const int MaxLength = 40;

    /// <summary>The time written.</summary>
    public DateTimeOffset Value => value;

    public void WriteTo(Utf8JsonWriter writer)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WriteStringValue(text[..Format(text)]);
    }

    public override string ToString()
    {
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..Format(text)]);
    }

    private int Format(Span<byte> text)
    {
        if (!value.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a round-trip time did not fit its buffer");
        }
        var kept = FractionEnd;
        while (kept > FractionStart && text[kept - 1] == (byte)'0')
        {
            kept--;
        }
        if (kept == FractionStart)
        {
            kept--; // no fraction at all: the dot goes too
        }
        text[FractionEnd..length].CopyTo(text[kept..]);
        return kept + (length - FractionEnd);
    }
}
