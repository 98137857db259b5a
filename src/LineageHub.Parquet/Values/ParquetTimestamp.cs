using System.Globalization;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Values;

/// <summary>
/// A TIMESTAMP as stored: a count of units since the Unix epoch. Nanoseconds do not fit <see cref="DateTime"/>, so
/// the exact value is kept and formatted directly.
/// </summary>
public readonly record struct ParquetTimestamp(long Value, TimeUnit Unit, bool IsAdjustedToUtc)
{
    public long UnitsPerSecond => Unit switch
    {
        TimeUnit.Millis => 1_000,
        TimeUnit.Micros => 1_000_000,
        _ => 1_000_000_000,
    };

    /// <summary>
    /// ISO-8601 with as many fraction digits as the unit has (3, 6 or 9); UTC-adjusted values end in <c>Z</c>,
    /// local (zone-less) values carry no designator because no zone is known.
    /// </summary>
    public override string ToString()
    {
        var perSecond = UnitsPerSecond;
        var seconds = Math.DivRem(Value, perSecond, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += perSecond;
        }
        var days = Math.DivRem(seconds, 86_400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += 86_400;
        }
        var date = ParquetDate.Format(days);
        var digits = Unit switch { TimeUnit.Millis => 3, TimeUnit.Micros => 6, _ => 9 };
        var time = string.Create(CultureInfo.InvariantCulture, $"{secondOfDay / 3600:D2}:{secondOfDay / 60 % 60:D2}:{secondOfDay % 60:D2}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}");
        return date + "T" + time + (IsAdjustedToUtc ? "Z" : string.Empty);
    }
}
