namespace LineageHub.Core.Snapshots;

public static partial class CanonicalValues
{
    // A date is YYYY-MM-DD (a real calendar day, years 0001–9999). A timestamp is a date, 'T' or a space,
    // HH:MM:SS, an optional fraction of 1–9 digits, and an optional zone: Z, ±HH, ±HHMM or ±HH:MM. The
    // normal form uses 'T', drops trailing zeros of the fraction (and the point with them), and, when a
    // zone is given, is converted to UTC and ends in Z; a timestamp without a zone stays as written.
    private static bool TryDateOrTimestamp(ReadOnlySpan<byte> text, ByteBuffer output, out ValueTag tag)
    {
        tag = ValueTag.String;
        if (!TryDate(text, out var year, out var month, out var day))
        {
            return false;
        }
        if (text.Length == 10)
        {
            output.Append(text);
            tag = ValueTag.Date;
            return true;
        }
        if (text.Length < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':'
            || !TwoDigits(text, 11, out var hour) || !TwoDigits(text, 14, out var minute) || !TwoDigits(text, 17, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var i = 19;
        ReadOnlySpan<byte> fraction = default;
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
            if (i == start || i - start > 9)
            {
                return false;
            }
            fraction = text[start..i].TrimEnd((byte)'0');
        }
        var zoned = false;
        var offsetMinutes = 0;
        if (i < text.Length)
        {
            if (text[i] == 'Z' || text[i] == 'z')
            {
                zoned = true;
                i++;
            }
            else if (text[i] == '+' || text[i] == '-')
            {
                var sign = text[i] == '-' ? -1 : 1;
                if (!TwoDigits(text, i + 1, out var offsetHours) || offsetHours > 23)
                {
                    return false;
                }
                i += 3;
                var offsetMins = 0;
                if (i < text.Length && text[i] == ':')
                {
                    i++;
                }
                if (i < text.Length)
                {
                    if (!TwoDigits(text, i, out offsetMins) || offsetMins > 59)
                    {
                        return false;
                    }
                    i += 2;
                }
                zoned = true;
                offsetMinutes = sign * ((offsetHours * 60) + offsetMins);
            }
        }
        if (i != text.Length)
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        DateTime utc;
        try
        {
            utc = local.AddMinutes(-offsetMinutes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
        Span<byte> formatted = stackalloc byte[19];
        utc.TryFormat(formatted, out _, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        output.Append(formatted);
        if (!fraction.IsEmpty)
        {
            output.Append((byte)'.');
            output.Append(fraction);
        }
        if (zoned)
        {
            output.Append((byte)'Z');
        }
        tag = ValueTag.Timestamp;
        return true;
    }

    private static bool TryDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TwoDigits(text, 0, out var century) || !TwoDigits(text, 2, out var yy)
            || !TwoDigits(text, 5, out month) || !TwoDigits(text, 8, out day))
        {
            return false;
        }
        year = (century * 100) + yy;
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TwoDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (at + 2 > text.Length || !IsDigit(text[at]) || !IsDigit(text[at + 1]))
        {
            return false;
        }
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }
}
