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
        await CompareAsync(corpus.GetProperty("schema").GetString()!, JsonNode.Parse(corpus.GetProperty("cases").GetRawText())!.AsArray(), 30);
    }

    [Fact]
    public async Task Execute_MutatedQueries_MatchGraphQLJs()
    {
        var corpus = JsonNode.Parse(File.ReadAllText(NodeHarness.CorpusFile("execution.json")))!;
        var cases = corpus["cases"]!.AsArray();
        var queries = cases.Select(c => c!["query"]!.GetValue<string>()).ToList();
        var random = new Random(3);
        var mutated = new JsonArray();
        foreach (var query in DocumentMutator.Mutate(queries, 1500, seed: 9))
        {
            var template = cases[random.Next(cases.Count)]!.DeepClone().AsObject();
            template["query"] = query;
            mutated.Add(template);
        }
        await CompareAsync(corpus["schema"]!.GetValue<string>(), mutated, 1000);
    }

    private static async Task CompareAsync(string sdl, JsonArray cases, int minimum)
    {
        var expected = NodeHarness.Run(new { mode = "execute", schema = sdl, cases }).AsArray();
        using var corpus = JsonDocument.Parse(cases.ToJsonString());
        var executor = new GraphQLExecutor(Schema.FromSdl(sdl), new ExecutorOptions { MaxDepth = null, MaxCost = null });
        var differences = new List<string>();
        var i = 0;
        var skipped = 0;
        foreach (var c in corpus.RootElement.EnumerateArray())
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
            // Deliberate differences: our parser's nesting limit, and graphql-js's cap of 100 validation errors.
            if (result.Errors.Any(e => e.Message.Contains("maximum depth", StringComparison.Ordinal)) ||
                theirs.ToJsonString().Contains("Too many validation errors", StringComparison.Ordinal))
            {
                i++;
                skipped++;
                continue;
            }
            if (!JsonNode.DeepEquals(ours, theirs))
            {
                differences.Add($"#{i}: {c.GetProperty("query").GetString()}\n  graphql-js: {theirs.ToJsonString()}\n  ours:       {ours.ToJsonString()}");
            }
            i++;
        }
        Assert.True(i - skipped > minimum, $"only {i - skipped} cases compared");
        Assert.True(differences.Count == 0, $"{differences.Count} of {i} cases differ:\n" + string.Join("\n", differences.Take(20)));
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
