using System.Numerics;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Tests.Values;

public sealed class ValueFormattingTests
{
    [Theory]
    [InlineData(12345, 2, "123.45")]
    [InlineData(-5, 3, "-0.005")]
    [InlineData(7, 0, "7")]
    [InlineData(7, -2, "700")]
    public void ParquetDecimal_ToString_IsExact(long unscaled, int scale, string expected)
    {
        Assert.Equal(expected, new ParquetDecimal(new BigInteger(unscaled), scale).ToString());
    }

    [Fact]
    public void ParquetTimestamp_BeforeEpoch_FloorsIntoThePreviousSecond()
    {
        Assert.Equal("1969-12-31T23:59:59.999999Z", new ParquetTimestamp(-1, TimeUnit.Micros, true).ToString());
        Assert.Equal("1970-01-01T00:00:00.001", new ParquetTimestamp(1, TimeUnit.Millis, false).ToString());
    }

    [Fact]
    public void ParquetDate_OutsideDateOnlyRange_StillFormats()
    {
        Assert.Equal("2000-03-01", new ParquetDate(11017).ToString());
        Assert.Equal("-0001-12-31", new ParquetDate(-719_529).ToString());
    }

    [Fact]
    public void ParquetTime_Nanos_HasNineFractionDigits()
    {
        Assert.Equal("01:00:00.000000001", new ParquetTime(3_600_000_000_001, TimeUnit.Nanos, true).ToString());
    }
}
