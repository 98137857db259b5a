using System.Text.Json;
using System.Text.Json.Nodes;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>
/// Execution results equal graphql-js's on one schema with the same (default) resolvers: both read the
/// root value's JSON properties and resolve abstract types from <c>__typename</c>.
/// </summary>
public sealed class ExecutionConformanceTests
{
    [Fact]
    public async Task Execute_Corpus_MatchesGraphQLJs()
    {
        var corpus = JsonDocument.Parse(File.ReadAllText(NodeHarness.CorpusFile("execution.json"))).RootElement;
        var sdl = corpus.GetProperty("schema").GetString()!;
        var expected = NodeHarness.Run(new { mode = "execute", schema = sdl, cases = JsonNode.Parse(corpus.GetProperty("cases").GetRawText()) }).AsArray();
        var executor = new GraphQLExecutor(Schema.FromSdl(sdl), new ExecutorOptions { MaxDepth = null, MaxCost = null });
        var differences = new List<string>();
        var i = 0;
        foreach (var c in corpus.GetProperty("cases").EnumerateArray())
        {
            var result = await executor.ExecuteAsync(new GraphQLRequest
            {
                Query = c.GetProperty("query").GetString()!,
                RootValue = JsonInput.ToValue(c.GetProperty("root")),
                Variables = c.TryGetProperty("variables", out var v) ? JsonInput.ToMap(v) : null,
                OperationName = c.TryGetProperty("operationName", out var op) ? op.GetString() : null,
            });
            var ours = Normalize(JsonNode.Parse(result.ToJson())!);
            var theirs = Normalize(expected[i]!);
            if (!JsonNode.DeepEquals(ours, theirs))
            {
                differences.Add($"#{i}: {c.GetProperty("query").GetString()}\n  graphql-js: {theirs.ToJsonString()}\n  ours:       {ours.ToJsonString()}");
            }
            i++;
        }
        Assert.True(i > 30);
        Assert.True(differences.Count == 0, $"{differences.Count} of {i} cases differ:\n" + string.Join("\n", differences));
    }

    // Errors compare as a set (parallel resolution may order them differently); validation errors'
    // extensions are ours alone, and "Did you mean" suggestions are graphql-js's alone.
    private static JsonNode Normalize(JsonNode response)
    {
        var result = new JsonObject();
        if (response["data"] is { } data || response.AsObject().ContainsKey("data"))
        {
            result["data"] = response["data"]?.DeepClone();
        }
        if (response["errors"] is JsonArray errors)
        {
            var normalized = errors.Select(e =>
            {
                var message = e!["message"]!.GetValue<string>();
                var cut = message.IndexOf(" Did you mean", StringComparison.Ordinal);
                return new JsonObject
                {
                    ["message"] = cut < 0 ? message : message[..cut],
                    ["path"] = e["path"]?.DeepClone(),
                    ["locations"] = e["locations"]?.DeepClone(),
                };
            }).OrderBy(e => e.ToJsonString(), StringComparer.Ordinal);
            result["errors"] = new JsonArray([.. normalized]);
        }
        return result;
    }
}
