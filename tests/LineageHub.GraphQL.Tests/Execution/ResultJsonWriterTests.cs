using System.Buffers;
using System.Text;
using System.Text.Json;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Execution;

public sealed class ResultJsonWriterTests
{
    // Whole numbers held as doubles are written through a faster path: the text must be what
    // Utf8JsonWriter writes for the double itself.
    [Fact]
    public async Task Floats_AreWrittenAsUtf8JsonWriterWritesThem()
    {
        var random = new Random(5);
        var values = new List<double> { 10, -3, 0, -0.0, 2.5, 1e-7, 1e15, -1e15, 999_999_999_999_999, 1e15 - 1, 1e16, double.MaxValue, double.Epsilon };
        for (var i = 0; i < 2_000; i++)
        {
            values.Add(Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 17))));
            values.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 17)));
        }
        var schema = Schema.FromSdl("type Query { x: [Float] }");
        schema.Resolve("Query", "x", _ => values.Cast<object?>().ToList());
        var json = await new GraphQLExecutor(schema).RunAsync("{ x }");

        var expected = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected))
        {
            writer.WriteStartArray();
            values.ForEach(writer.WriteNumberValue);
            writer.WriteEndArray();
        }
        Assert.Equal("{\"data\":{\"x\":" + Encoding.UTF8.GetString(expected.WrittenSpan) + "}}", json);
    }
}
