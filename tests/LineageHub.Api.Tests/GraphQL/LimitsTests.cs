using System.Text;
using LineageHub.Api.GraphQL;
using LineageHub.Api.Tests.Support;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>Hostile queries are refused before they run, naming the limit; bad requests never get a 500.</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ADepthBomb_IsRefusedNamingTheDepthLimit()
    {
        var query = new StringBuilder("{ datasets { nodes { ");
        for (var i = 0; i < 8; i++)
        {
            query.Append("versions(first: 1) { nodes { dataset { ");
        }
        query.Append("id").Append(new string('}', 8 * 3)).Append(" } } }");

        var (status, body) = await _server.PostAsync(query.ToString());

        Assert.Equal(400, status);
        var error = body.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("extensions").GetProperty("code").GetString() == "DEPTH_LIMIT_EXCEEDED");
        Assert.Contains($"maximum depth of {GraphQLApi.MaxDepth}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task AnAliasBomb_IsRefusedNamingTheCostLimit()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 600; i++)
        {
            query.Append($"a{i}: datasets(first: 100) {{ nodes {{ id name }} }} ");
        }
        query.Append('}');

        var (status, body) = await _server.PostAsync(query.ToString());

        Assert.Equal(400, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("COST_LIMIT_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"maximum cost of {GraphQLApi.MaxCost}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedHugePages_AreRefusedByCost_AndAHugePageInAVariable_ByThePageLimit()
    {
        var literal = await _server.PostAsync("{ datasets(first: 100) { nodes { versions(first: 100) { nodes { consumedBy(first: 100) { nodes { id } } } } } } }");
        var variable = await _server.PostAsync("query($n: Int!) { datasets(first: $n) { nodes { id } } }", new { n = 1_000_000 });
        var ids = await _server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Repeat("dataset:a|b", 1000).ToArray() });
        var walk = await _server.PostAsync("""{ lineage(from: "dataset:a|b", maxNodes: 1000000) { truncated } }""");

        Assert.Equal("COST_LIMIT_EXCEEDED", literal.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ApiMessages.PageSize("first", 1_000_000), variable.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("INVALID_INPUT", variable.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ApiMessages.TooManyIds(1000), ids.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(ApiMessages.LineageNodes(1_000_000), walk.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ nope }", 400)]
    [InlineData("{ datasets { ", 400)]
    [InlineData("""{ node(id: "not an id") { id } }""", 200)]
    [InlineData("""{ datasetVersion(namespace: "a", name: "b", root: "zz") { id } }""", 400)]
    [InlineData("""{ run(runId: "42") { id } }""", 200)]
    [InlineData("""{ lineage(from: "dataset:a|b", asOf: { time: "2026-01-01T00:00:00" }) { truncated } }""", 400)]
    [InlineData("""{ lineage(from: "dataset:a|b", asOf: { size: 1, time: "2026-01-01T00:00:00Z" }) { truncated } }""", 200)]
    [InlineData("""{ ledger { inclusionProof(seq: 99) { seq } } }""", 200)]
    public async Task BadInput_IsAnErrorWithACode_NeverA500(string query, int status)
    {
        var (actual, body) = await _server.PostAsync(query);

        Assert.Equal(status, actual);
        var error = body.GetProperty("errors")[0];
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        if (status == 200)
        {
            Assert.Contains(error.GetProperty("extensions").GetProperty("code").GetString(), new[] { "INVALID_INPUT", "NOT_FOUND" });
        }
    }

    [Fact]
    public async Task AMalformedBody_IsA400()
    {
        using var content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json");
        using var response = await _server.Http.PostAsync("/graphql", content);
        Assert.Equal(400, (int)response.StatusCode);
    }
}
