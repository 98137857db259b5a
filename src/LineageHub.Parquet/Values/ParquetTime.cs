using System.Globalization;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Values;

/// <summary>A TIME of day: units since midnight.</summary>
public readonly record struct ParquetTime(long Value, TimeUnit Unit, bool IsAdjustedToUtc)
{
    /// <summary><c>HH:mm:ss.fff</c> with 3, 6 or 9 fraction digits per the unit.</summary>
    public override string ToString()
    {
        var (perSecond, digits) = Unit switch { TimeUnit.Millis => (1_000L, 3), TimeUnit.Micros => (1_000_000L, 6), _ => (1_000_000_000L, 9) };
        var seconds = Math.DivRem(Value, perSecond, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += perSecond;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}");
    }
}
