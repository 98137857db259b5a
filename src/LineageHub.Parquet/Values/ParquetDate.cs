using System.Globalization;

namespace LineageHub.Parquet.Values;

/// <summary>A DATE: days since 1970-01-01. Kept as the day count because it may fall outside <see cref="DateOnly"/>'s range.</summary>
public readonly record struct ParquetDate(int Days)
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>The date, when it lies within years 1..9999.</summary>
    public DateOnly? ToDateOnly()
    {
        var n = (long)EpochDayNumber + Days;
        return n is >= 0 and <= 3_652_058 ? DateOnly.FromDayNumber((int)n) : null;
    }

    /// <summary><c>yyyy-MM-dd</c> (proleptic Gregorian); dates outside years 1..9999 use the civil-from-days algorithm with a signed year.</summary>
    public override string ToString() => Format(Days);

    internal static string Format(long days)
    {
        var n = EpochDayNumber + days;
        if (n is >= 0 and <= 3_652_058)
        {
            return DateOnly.FromDayNumber((int)n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        // Civil-from-days (H. Hinnant), valid far beyond DateOnly's range.
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var day = doy - (((153 * mp) + 2) / 5) + 1;
        var month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2)
        {
            y++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{month:D2}-{day:D2}");
    }
}
