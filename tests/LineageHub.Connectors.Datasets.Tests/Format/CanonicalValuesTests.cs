using System.Text;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Format;

public sealed class CanonicalValuesTests
{
    [Theory]
    [InlineData("42", 'R', "42")]
    [InlineData("-0", 'R', "0")]
    [InlineData("0.0", 'R', "0")]
    [InlineData("1.50", 'R', "1.5")]
    [InlineData("1e3", 'R', "1000")]
    [InlineData("1.5E-3", 'R', "0.0015")]
    [InlineData("-12.3400e+1", 'R', "-123.4")]
    [InlineData("1E+20", 'R', "100000000000000000000")]
    [InlineData("007", 'S', "007")]
    [InlineData("1.", 'S', "1.")]
    [InlineData("+1", 'S', "+1")]
    [InlineData("true", 'B', "true")]
    [InlineData("True", 'S', "True")]
    [InlineData("2024-02-29", 'D', "2024-02-29")]
    [InlineData("2023-02-29", 'S', "2023-02-29")]
    [InlineData("2024-01-01 10:00:00", 'T', "2024-01-01T10:00:00")]
    [InlineData("2024-01-01T10:00:00.500000", 'T', "2024-01-01T10:00:00.5")]
    [InlineData("2024-01-01T10:00:00.000Z", 'T', "2024-01-01T10:00:00Z")]
    [InlineData("2024-01-01 01:30:00+02", 'T', "2023-12-31T23:30:00Z")]
    [InlineData("2024-01-01T10:00:00-05:30", 'T', "2024-01-01T15:30:00Z")]
    [InlineData("2024-01-01T25:00:00", 'S', "2024-01-01T25:00:00")]
    [InlineData("", 'S', "")]
    [InlineData("hello", 'S', "hello")]
    public void Classify_GivesTheDocumentedTagAndNormalForm(string text, char tag, string normal)
    {
        var output = new ByteBuffer();
        var actual = CanonicalValues.Classify(Encoding.UTF8.GetBytes(text), output);
        Assert.Equal(tag, (char)actual);
        Assert.Equal(normal, Encoding.UTF8.GetString(output.Span));
    }

    [Theory]
    [InlineData("2", "10")]
    [InlineData("-10", "-2")]
    [InlineData("0.5", "1")]
    [InlineData("1.05", "1.5")]
    [InlineData("-1.5", "-1.05")]
    [InlineData("a", "b")]
    public void CompareKeys_OrdersNumbersByValueAndTextByBytes(string smaller, string larger)
    {
        Assert.True(RowCodec.CompareKeys(RowCodec.KeyOf(smaller), RowCodec.KeyOf(larger)) < 0);
        Assert.True(RowCodec.CompareKeys(RowCodec.KeyOf(larger), RowCodec.KeyOf(smaller)) > 0);
    }
}
