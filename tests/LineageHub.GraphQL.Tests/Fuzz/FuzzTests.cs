using System.Diagnostics;
using System.Net;
using System.Text;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Tests.Conformance;
using LineageHub.GraphQL.Tests.Http;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Fuzz;

/// <summary>Thousands of mutated documents never make the engine throw, hang, or the endpoint answer 500.</summary>
public sealed class FuzzTests(GraphQLServerFixture server) : IClassFixture<GraphQLServerFixture>
{
    private static List<string> Seeds() =>
    [
        .. NodeHarness.Documents(NodeHarness.CorpusFile("parse.graphql")),
        .. NodeHarness.Documents(NodeHarness.CorpusFile("validation.graphql")),
        "{ books { title author { name books { title } } } search(text: \"x\") { ... on Book { title } } }",
        "query($id: ID!, $g: Genre) { book(id: $id) { title } books(genre: $g) { id } }",
        "mutation($i: BookInput!) { addBook(input: $i) { title } }",
        "{ __schema { types { name fields(includeDeprecated: true) { name args { name defaultValue } } } } }",
    ];

    [Fact]
    public async Task Execute_MutatedDocuments_NeverThrowOrHang()
    {
        var executors = new[]
        {
            Some.LibraryExecutor(),
            new GraphQLExecutor(Schema.FromSdl(File.ReadAllText(NodeHarness.CorpusFile("pets.graphql")))),
        };
        var random = new Random(7);
        var count = 0;
        foreach (var document in DocumentMutator.Mutate(Seeds(), 5000, seed: 11))
        {
            var executor = executors[count % executors.Length];
            var variables = new Dictionary<string, object?>
            {
                ["id"] = random.Next(3) switch { 0 => "b1", 1 => 5, _ => null },
                ["g"] = random.Next(2) == 0 ? "FICTION" : new List<object?> { 1 },
                ["i"] = new Dictionary<string, object?> { ["title"] = random.Next(2) == 0 ? "t" : 3.5 },
            };
            var watch = Stopwatch.StartNew();
            var run = executor.ExecuteAsync(new GraphQLRequest { Query = document, Variables = variables });
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(finished == run, $"document hung: {Show(document)}");
            var result = await run; // throws if the engine threw
            Assert.True(result.HasData || result.Errors.Count > 0, $"no data and no errors for {Show(document)}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
            count++;
        }
        Assert.Equal(5000, count);
    }

    [Fact]
    public async Task Http_MutatedDocuments_NeverAnswer500()
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var document in DocumentMutator.Mutate(Seeds(), 1500, seed: 12))
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { query = document });
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await server.Client.PostAsync(server.Endpoint, content);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.GatewayTimeout,
                $"{(int)response.StatusCode} for {Show(document)}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(statuses.Values.Sum() == 1500);
    }

    private static string Show(string document) => document.Length > 300 ? document[..300] + "…" : document;
}
