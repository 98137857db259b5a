using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LineageHub.GraphQL.Http;

namespace LineageHub.GraphQL.Tests.Http;

public sealed class GraphQLHttpTests(GraphQLServerFixture server) : IClassFixture<GraphQLServerFixture>
{
    private async Task<(HttpStatusCode Status, string? ContentType, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string json, string? accept = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null, response);
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Endpoint + "?query=" + Uri.EscapeDataString(query));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task Post_Query_Returns200Json()
    {
        var (status, contentType, body, _) = await PostAsync("""{"query":"query($id: ID!) { book(id: $id) { title } }","variables":{"id":"b2"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal("Compilers", body!["data"]!["book"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SyntaxErrorAcceptingGraphQLResponse_Is400WithoutData()
    {
        var (status, contentType, body, _) = await PostAsync("""{"query":"{"}""", "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/graphql-response+json", contentType);
        Assert.False(body!.AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task Post_ValidationErrorAcceptingJson_Is200()
    {
        var (status, _, body, _) = await PostAsync("""{"query":"{ nope }"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", body!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("5.3.1", body["errors"]![0]!["extensions"]!["specSection"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Query_Returns200()
    {
        using var response = await GetAsync("{ authors { name } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grace", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Mutation_Is405WithAllowPost()
    {
        using var response = await GetAsync("mutation { counter }", "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Theory]
    [InlineData("""{"query": 1}""", HttpMessages.QueryNotString)]
    [InlineData("""{"variables": {}}""", HttpMessages.MissingQuery)]
    [InlineData("""{"query": "{ authors { id } }", "variables": [1]}""", HttpMessages.VariablesNotMap)]
    [InlineData("""{"query": "{ authors { id } }", "operationName": false}""", HttpMessages.OperationNameNotString)]
    [InlineData("""[1]""", HttpMessages.BodyNotObject)]
    public async Task Post_MalformedParameters_Are400(string json, string message)
    {
        var (status, _, body, _) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_InvalidJson_Is400()
    {
        var (status, _, body, _) = await PostAsync("{ not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The request body is not valid JSON", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        var (status, _, _, _) = await PostAsync("query { a }", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Post_UnacceptableAccept_Is406()
    {
        var (status, _, _, _) = await PostAsync("""{"query":"{ authors { id } }"}""", "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Post_TooLarge_Is413()
    {
        var (status, _, body, _) = await PostAsync("{\"query\":\"{ authors { id } }\",\"extensions\":{\"pad\":\"" + new string('x', 70_000) + "\"}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(HttpMessages.TooLarge(64 * 1024), body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SlowResolver_TimesOutWith504()
    {
        var (status, _, body, _) = await PostAsync("""{"query":"{ slow(ms: 60000) }"}""");
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.NotNull(body!["errors"]);
    }

    [Fact]
    public async Task Post_TooDeep_IsRefusedWithClearError()
    {
        var (_, _, body, _) = await PostAsync("""{"query":"{ books { author { books { author { books { author { name } } } } } } }"}""");
        Assert.Equal("Operation has depth 7, which exceeds the maximum depth of 6.", body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Browser_ServesGraphiQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Endpoint);
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var page = await server.Client.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("graphiql.min.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
