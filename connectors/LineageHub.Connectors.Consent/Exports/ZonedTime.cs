namespace LineageHub.Connectors.Consent.Exports;

/// <summary>
/// ISO 8601 / RFC 3339 date-times with a zone: <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> (a space for the T is
/// accepted) then <c>Z</c> or <c>±hh:mm</c>. A time without its zone is ambiguous by hours, so it is told
/// apart from a malformed one: the caller refuses it with the row.
/// </summary>
public static class ZonedTime
{
    public enum Result
    {
        Ok,
        NoZone,
        Malformed,
    }

    /// <summary>Parses a command-line time; an error names the option and the form expected.</summary>
    public static DateTimeOffset Parse(string option, string text) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var time) switch
        {
            Result.Ok => time,
            Result.NoZone => throw Core.LineageHubException.InvalidInput($"{option} '{text}' has no time zone; write it with Z or an offset such as +02:00"),
            _ => throw Core.LineageHubException.InvalidInput($"{option} '{text}' is not an ISO 8601 date-time such as 2026-05-01T09:00:00Z"),
        };

    public static Result TryParse(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || text[13] != ':' || text[16] != ':')
        {
            return text.Length == 10 && text[4] == '-' && text[7] == '-' ? Result.NoZone : Result.Malformed;
        }
        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute) || !Digits(text[17..19], out var second))
        {
            return Result.Malformed;
        }
        var at = 19;
        long fractionTicks = 0;
        if (at < text.Length && text[at] == '.')
        {
            at++;
            var digits = 0;
            while (at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < 7)
                {
                    fractionTicks = (fractionTicks * 10) + (text[at] - '0');
                }
                digits++;
                at++;
            }
            if (digits == 0)
            {
                return Result.Malformed;
            }
            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }
        TimeSpan offset;
        if (at == text.Length)
        {
            return Result.NoZone;
        }
        if (text[at] is (byte)'Z' or (byte)'z' && at + 1 == text.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if (text[at] is (byte)'+' or (byte)'-' && at + 6 == text.Length && text[at + 3] == ':'
            && Digits(text.Slice(at + 1, 2), out var offsetHours) && Digits(text.Slice(at + 4, 2), out var offsetMinutes) && offsetHours <= 14 && offsetMinutes < 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[at] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return Result.Malformed;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return Result.Malformed;
        }
        try
        {
            time = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            return Result.Ok;
        }
        catch (ArgumentOutOfRangeException)
        {
            return Result.Malformed;
        }
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        return true;
    }
}
