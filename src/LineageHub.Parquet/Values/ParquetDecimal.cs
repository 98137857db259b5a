using System.Globalization;
using System.Numerics;

namespace LineageHub.Parquet.Values;

/// <summary>An exact DECIMAL: unscaled integer and scale. Kept exact because precision can exceed <see cref="decimal"/>'s.</summary>
public readonly record struct ParquetDecimal(BigInteger Unscaled, int Scale)
{
    /// <summary>Plain decimal notation with exactly <see cref="Scale"/> fraction digits, e.g. <c>-12.30</c>.</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
        var sign = Unscaled.Sign < 0 ? "-" : string.Empty;
        if (Scale <= 0)
        {
            return sign + digits + new string('0', -Scale);
        }
        if (digits.Length <= Scale)
        {
            digits = new string('0', Scale - digits.Length + 1) + digits;
        }
        return sign + digits[..^Scale] + "." + digits[^Scale..];
    }
}
