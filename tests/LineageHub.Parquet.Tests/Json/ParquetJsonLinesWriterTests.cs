using System.Numerics;
using LineageHub.Parquet.Json;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Tests.Json;

public sealed class ParquetJsonLinesWriterTests
{
    [Theory]
    [InlineData(9007199254740991L, "9007199254740991")]
    [InlineData(9007199254740992L, "\"9007199254740992\"")]
    [InlineData(-9223372036854775808L, "\"-9223372036854775808\"")]
    public void FormatValue_Int64_IsANumberOnlyWhereJsonIsExact(long value, string expected)
    {
        Assert.Equal(expected, ParquetJsonLinesWriter.FormatValue(value));
    }

    [Fact]
    public void FormatValue_NonFiniteDoubles_AreStrings()
    {
        Assert.Equal("[\"NaN\",\"Infinity\",\"-Infinity\",1.5]", ParquetJsonLinesWriter.FormatValue(new List<object?> { double.NaN, double.PositiveInfinity, float.NegativeInfinity, 1.5 }));
    }

    [Fact]
    public void FormatValue_DecimalBinaryTimestampUuid_UseTheDocumentedStrings()
    {
        var row = new ParquetStruct(
            ["d", "b", "t", "u", "m"],
            [
                new ParquetDecimal(new BigInteger(-1230), 2),
                new byte[] { 1, 2, 3 },
                new ParquetTimestamp(1_500_000, TimeUnit.Millis, true),
                new Guid("00112233-4455-6677-8899-aabbccddeeff"),
                new List<KeyValuePair<object?, object?>> { new(1, "x") },
            ]);
        Assert.Equal(
            """{"d":"-12.30","b":"AQID","t":"1970-01-01T00:25:00.000Z","u":"00112233-4455-6677-8899-aabbccddeeff","m":[{"key":1,"value":"x"}]}""",
            ParquetJsonLinesWriter.FormatValue(row));
    }
}
