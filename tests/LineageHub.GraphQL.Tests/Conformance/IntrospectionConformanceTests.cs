using System.Text.Json.Nodes;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>graphql-js's buildClientSchema accepts our introspection, and printSchema of it equals its own print of the SDL, type for type.</summary>
public sealed class IntrospectionConformanceTests
{
    public static TheoryData<string> Schemas => new() { "pets.graphql", "library" };

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Introspection_RoundTripsThroughBuildClientSchema(string schemaName)
    {
        var sdl = schemaName == "library" ? Some.LibrarySdl : File.ReadAllText(NodeHarness.CorpusFile(schemaName));
        var query = NodeHarness.Run(new { mode = "introspectionQuery" }).GetValue<string>();
        var result = await new GraphQLExecutor(Schema.FromSdl(sdl)).ExecuteAsync(new GraphQLRequest { Query = query });
        Assert.Empty(result.Errors);
        var introspection = JsonNode.Parse(result.ToJson())!["data"];
        var answer = NodeHarness.Run(new { mode = "introspect", schema = sdl, introspection });
        var expected = answer["expected"]!.AsObject();
        var actual = answer["actual"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), actual.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (name, printed) in expected)
        {
            Assert.Equal(printed!.GetValue<string>(), actual[name]!.GetValue<string>());
        }
        Assert.True(answer["directivesEqual"]!.GetValue<bool>(), "directive definitions differ: " + answer["directives"]);
        Assert.True(answer["schemaEqual"]!.GetValue<bool>(), "printSchema differs (type or directive order): " + answer["order"]);
    }
}
