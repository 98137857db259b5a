using System.Text.Json;
using LineageHub.Api.GraphQL;
using LineageHub.Api.Tests.Support;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>Cursor connections: forward and backward over root lists (by key) and neighbour lists (by offset), and their edge cases.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        var mutation = string.Join(' ', Enumerable.Range(0, 7).Select(i =>
            $$"""d{{i}}: registerDatasetVersion(input: { namespace: "s3://lake", name: "events", root: "{{new string((char)('0' + i), 64)}}", mode: RAW, leafCount: {{i}}, byteSize: 1 }) { userErrors { message } }"""));
        await _server.QueryAsync($"mutation {{ {mutation} }}");
        var datasets = string.Join(' ', Enumerable.Range(0, 5).Select(i => $$"""d{{i}}: registerDataset(input: { namespace: "s3://p", name: "n{{i}}" }) { userErrors { message } }"""));
        await _server.QueryAsync($"mutation {{ {datasets} }}");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RootList_PagesForwardAndBackward_WithoutGapsOrRepeats()
    {
        var seen = new List<string>();
        string? after = null;
        var hasNext = true;
        while (hasNext)
        {
            var page = (await _server.QueryAsync("query($a: String) { datasets(namespace: \"s3://p\", first: 2, after: $a) { nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }", new { a = after })).GetProperty("datasets");
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
            hasNext = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        var last = (await _server.QueryAsync("{ datasets(namespace: \"s3://p\", last: 2) { nodes { name } pageInfo { hasPreviousPage hasNextPage startCursor } } }")).GetProperty("datasets");
        var before = (await _server.QueryAsync("query($b: String) { datasets(namespace: \"s3://p\", last: 2, before: $b) { nodes { name } pageInfo { hasPreviousPage hasNextPage } } }",
            new { b = last.GetProperty("pageInfo").GetProperty("startCursor").GetString() })).GetProperty("datasets");

        Assert.Equal(["n0", "n1", "n2", "n3", "n4"], seen);
        Assert.Equal(["n3", "n4"], Names(last));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["n1", "n2"], Names(before));
        Assert.True(before.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task NeighbourList_PagesByOffset_BothWays_WithTotalCount()
    {
        var first = (await _server.QueryAsync("{ dataset(namespace: \"s3://lake\", name: \"events\") { versions(first: 3) { totalCount nodes { leafCount } pageInfo { endCursor hasNextPage hasPreviousPage } } } }"))
            .GetProperty("dataset").GetProperty("versions");
        var next = (await _server.QueryAsync("query($a: String) { dataset(namespace: \"s3://lake\", name: \"events\") { versions(first: 3, after: $a) { nodes { leafCount } edges { cursor } pageInfo { hasPreviousPage } } } }",
            new { a = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("dataset").GetProperty("versions");
        var window = (await _server.QueryAsync("query($a: String, $b: String) { dataset(namespace: \"s3://lake\", name: \"events\") { versions(last: 5, after: $a, before: $b) { nodes { leafCount } } } }",
            new { a = first.GetProperty("pageInfo").GetProperty("endCursor").GetString(), b = next.GetProperty("edges")[2].GetProperty("cursor").GetString() })).GetProperty("dataset").GetProperty("versions");
        var empty = (await _server.QueryAsync("{ dataset(namespace: \"s3://lake\", name: \"events\") { versions(first: 0) { totalCount nodes { leafCount } pageInfo { startCursor hasNextPage } } } }"))
            .GetProperty("dataset").GetProperty("versions");

        Assert.Equal(7, first.GetProperty("totalCount").GetInt32());
        Assert.Equal([0d, 1, 2], Counts(first));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal([3d, 4, 5], Counts(next));
        Assert.True(next.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal([3d, 4], Counts(window));
        Assert.Empty(Counts(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
        Assert.True(empty.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("datasets(first: 2, last: 2)", "FirstAndLast")]
    [InlineData("datasets(first: -1)", "Negative")]
    [InlineData("datasets(first: 101)", "TooBig")]
    [InlineData("datasets(after: \"not base64!\")", "BadCursor")]
    [InlineData("datasets(after: \"bzoz\")", "BadCursor")]
    [InlineData("datasets(before: \"\")", "BadCursor")]
    public async Task BadPageArguments_AreInvalidInputNamingTheProblem(string field, string kind)
    {
        var (status, body) = await _server.PostAsync($"{{ {field} {{ nodes {{ id }} }} }}");

        Assert.Equal(200, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        var expected = kind switch
        {
            "FirstAndLast" => ApiMessages.FirstAndLast,
            "Negative" => ApiMessages.PageSize("first", -1),
            "TooBig" => ApiMessages.PageSize("first", 101),
            _ => field.Contains("before", StringComparison.Ordinal) ? ApiMessages.BadCursor("before") : ApiMessages.BadCursor("after"),
        };
        Assert.Equal(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ACursorOfAnotherList_IsRefused()
    {
        // "bzoz" is base64 of "o:3", an offset cursor of a neighbour list, given to a root list, and the reverse.
        var rootCursor = (await _server.QueryAsync("{ datasets(first: 1) { pageInfo { endCursor } } }")).GetProperty("datasets").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var (_, body) = await _server.PostAsync("query($a: String) { dataset(namespace: \"s3://lake\", name: \"events\") { versions(after: $a) { nodes { id } } } }", new { a = rootCursor });

        Assert.Equal(ApiMessages.BadCursor("after"), body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnOffsetCursorPastTheEnd_GivesAnEmptyPage()
    {
        // Base64 of "o:2147483647": the last offset an int holds, so "the item after it" must not overflow.
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("o:" + int.MaxValue));
        var versions = (await _server.QueryAsync("query($a: String) { dataset(namespace: \"s3://lake\", name: \"events\") { versions(after: $a) { totalCount nodes { id } pageInfo { hasPreviousPage hasNextPage } } } }", new { a = cursor }))
            .GetProperty("dataset").GetProperty("versions");

        Assert.Equal(0, versions.GetProperty("nodes").GetArrayLength());
        Assert.True(versions.GetProperty("totalCount").GetInt32() > 0);
        Assert.True(versions.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(versions.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    private static List<string?> Names(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString())];

    private static List<double> Counts(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("leafCount").GetDouble())];
}
