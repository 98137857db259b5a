using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Differential;

/// <summary>The differential tests are only as strict as their comparer: it must see real differences.</summary>
public sealed class JsonRowComparerTests
{
    [Theory]
    [InlineData("""{"d":"12345678901234567.1234"}""", """{"d":"12345678901234567.1235"}""")]
    [InlineData("""{"a":1,"b":2}""", """{"a":1}""")]
    [InlineData("""{"l":[1,2]}""", """{"l":[1,2,3]}""")]
    [InlineData("""{"x":1.0000000001}""", """{"x":1.0000000002}""")]
    [InlineData("""{"t":"2020-01-01T00:00:00.000001"}""", """{"t":"2020-01-01T00:00:00.000002"}""")]
    [InlineData("""{"s":null}""", """{"s":""}""")]
    public void Difference_RealDifference_IsReported(string ours, string theirs)
    {
        Assert.NotNull(JsonRowComparer.Difference(ours, theirs));
    }

    [Theory]
    [InlineData("""{"f":1.1}""", """{"f":1.100000023841858}""")]
    [InlineData("""{"t":"2020-01-01T00:00:00.123000000"}""", """{"t":"2020-01-01T00:00:00.123000"}""")]
    [InlineData("""{"t":"2020-01-01T00:00:00.000Z"}""", """{"t":"2020-01-01T00:00:00.000000"}""")]
    [InlineData("""{"m":{"b":1,"a":2}}""", """{"m":{"a":2,"b":1}}""")]
    public void Difference_PresentationOnly_IsEqual(string ours, string theirs)
    {
        Assert.Null(JsonRowComparer.Difference(ours, theirs));
    }
}
