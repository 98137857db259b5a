using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.Api.GraphQL;

namespace LineageHub.Api.Tests.GraphQL;

public sealed class DateTimeTextTests
{
    // The API's DateTime text: ISO-8601, offset included, trailing fraction zeros (and a bare dot) dropped.
    private const string ApiFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static TheoryData<string> Times => new()
    {
        "1970-01-01T00:00:00+00:00",
        "2026-05-01T09:00:00.25+02:00",
        "2026-05-01T09:00:00.1234567-07:30",
        "0001-01-01T00:00:00.0000001-14:00",
        "9999-12-31T23:59:59.9999999+12:00",
        "2026-12-03T13:04:05.1000000+05:45",
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Text_IsTheApiFormat_AsStringAndAsJson(string time)
    {
        var value = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        var expected = value.ToString(ApiFormat, CultureInfo.InvariantCulture);
        var text = new DateTimeText(value);

        Assert.Equal(expected, text.ToString());
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            text.WriteTo(writer);
        }
        Assert.Equal(JsonSerializer.Serialize(expected), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Text_OfManyTimes_IsTheApiFormat()
    {
        var random = new Random(11);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            // Whole ticks, whole milliseconds and whole seconds, so every fraction length is met.
            ticks -= (i % 3) switch { 0 => 0, 1 => ticks % TimeSpan.TicksPerMillisecond, _ => ticks % TimeSpan.TicksPerSecond };
            var value = new DateTimeOffset(ticks, TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15));
            Assert.Equal(value.ToString(ApiFormat, CultureInfo.InvariantCulture), new DateTimeText(value).ToString());
        }
    }
}
