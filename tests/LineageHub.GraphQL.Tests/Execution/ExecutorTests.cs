using LineageHub.GraphQL.Execution;

namespace LineageHub.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    private readonly GraphQLExecutor _executor = Some.LibraryExecutor();

    [Fact]
    public async Task Execute_NestedQueryWithAliasesAndFragments_ReturnsOrderedData()
    {
        var json = await _executor.RunAsync("""
            query { first: book(id: "b1") { ...F author { name } } authors { __typename name } }
            fragment F on Book { id title genre published }
            """);
        Assert.Equal("""{"data":{"first":{"id":"b1","title":"Engines","genre":"SCIENCE","published":"1843-01-01","author":{"name":"Ada"}},"authors":[{"__typename":"Author","name":"Ada"},{"__typename":"Author","name":"Grace"}]}}""", json);
    }

    [Fact]
    public async Task Execute_AbstractTypes_ResolveConcreteTypes()
    {
        var json = await _executor.RunAsync("""{ search(text: "x") { __typename ... on Named { name } ... on Book { title } } node(id: "a2") { id ... on Author { name } } }""");
        Assert.Equal("""{"data":{"search":[{"__typename":"Author","name":"Ada"},{"__typename":"Author","name":"Grace"},{"__typename":"Book","title":"Engines"},{"__typename":"Book","title":"Compilers"},{"__typename":"Book","title":"Stories"}],"node":{"id":"a2","name":"Grace"}}}""", json);
    }

    [Fact]
    public async Task Execute_ResolverThrows_NullsFieldAndReportsPathAndLocation()
    {
        var json = await _executor.RunAsync("{\n  a: failing\n  b: book(id: \"b1\") { title }\n}");
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":2,"column":3}],"path":["a"]}],"data":{"a":null,"b":{"title":"Engines"}}}""", json);
    }

    [Fact]
    public async Task Execute_NonNullFieldReturnsNull_PropagatesToRoot()
    {
        var json = await _executor.RunAsync("{ failingNonNull book(id: \"b1\") { title } }");
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Query.failingNonNull.","locations":[{"line":1,"column":3}],"path":["failingNonNull"]}],"data":null}""", json);
    }

    [Fact]
    public async Task Execute_NullInNonNullList_NullsListWithIndexedPath()
    {
        var json = await _executor.RunAsync("{ nonNullList }");
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullList.","locations":[{"line":1,"column":3}],"path":["nonNullList",1]}],"data":{"nonNullList":null}}""", json);
    }

    [Fact]
    public async Task Execute_Variables_AreCoercedWithDefaults()
    {
        var json = await _executor.RunAsync(
            "query($t: String, $n: Int = 3, $ns: [Int], $i: BookInput) { echo(text: $t, number: $n, numbers: $ns, input: $i) }",
            new Dictionary<string, object?> { ["t"] = "hi", ["ns"] = 7L, ["i"] = new Dictionary<string, object?> { ["title"] = "T" } });
        Assert.Equal("""{"data":{"echo":"text=hi:String|number=3:Int32|numbers=[7:Int32]|input={title:T:String,genre:FICTION:String}"}}""", json);
    }

    [Fact]
    public async Task Execute_InvalidVariable_IsRequestErrorWithoutData()
    {
        var result = await _executor.ExecuteAsync(new GraphQLRequest
        {
            Query = "query($n: Int!) { echo(number: $n) }",
            Variables = new Dictionary<string, object?> { ["n"] = "x" },
        });
        Assert.False(result.HasData);
        Assert.Equal(RequestErrorKind.Variables, result.RequestError);
        Assert.Equal("Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Execute_MissingRequiredVariable_IsReported()
    {
        var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = "query($n: Int!) { echo(number: $n) }" });
        Assert.Equal("Variable \"$n\" of required type \"Int!\" was not provided.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Execute_SkipAndInclude_FollowVariables()
    {
        var json = await _executor.RunAsync(
            "query($yes: Boolean!) { a: book(id: \"b1\") @include(if: $yes) { title } b: book(id: \"b2\") @skip(if: $yes) { title } ... @skip(if: false) { authors { name } } }",
            new Dictionary<string, object?> { ["yes"] = true });
        Assert.Equal("""{"data":{"a":{"title":"Engines"},"authors":[{"name":"Ada"},{"name":"Grace"}]}}""", json);
    }

    [Fact]
    public async Task Execute_Mutations_RunSerially()
    {
        var json = await _executor.RunAsync("mutation { a: counter b: counter c: counter add: addBook(input: {title: \"New\"}) { title genre } }");
        Assert.Equal("""{"data":{"a":1,"b":2,"c":3,"add":{"title":"New","genre":"FICTION"}}}""", json);
    }

    [Fact]
    public async Task Execute_DataLoader_BatchesAcrossList()
    {
        var batches = new List<int>();
        var executor = new GraphQLExecutor(Some.LibrarySchema(batches.Add));
        var json = await executor.RunAsync("{ books { title author { name } } }");
        Assert.Contains("\"author\":{\"name\":\"Grace\"}", json, StringComparison.Ordinal);
        Assert.Equal([2], batches);
    }

    [Fact]
    public async Task Execute_SyntaxError_ReturnsLocatedRequestError()
    {
        var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = "{ book(id: ) }" });
        Assert.Equal(RequestErrorKind.Syntax, result.RequestError);
        Assert.Equal("""{"errors":[{"message":"Syntax Error: Unexpected \u0022)\u0022.","locations":[{"line":1,"column":12}]}]}""", result.ToJson());
    }

    [Fact]
    public async Task Execute_OperationSelection_RequiresNameWhenSeveral()
    {
        var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = "query A { authors { id } } query B { authors { name } }" });
        Assert.Equal(ExecutionMessages.OperationNameRequired, Assert.Single(result.Errors).Message);
        Assert.Equal("""{"data":{"authors":[{"name":"Ada"},{"name":"Grace"}]}}""", await _executor.RunAsync("query A { authors { id } } query B { authors { name } }", operationName: "B"));
    }

    [Fact]
    public async Task Execute_Cancellation_StopsExecution()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = "{ slow(ms: 10000) }" }, cts.Token);
        Assert.Equal(RequestErrorKind.Timeout, result.RequestError);
    }

    [Fact]
    public async Task Execute_EnumAndCustomScalarArguments_CoerceLiterals()
    {
        Assert.Equal("""{"data":{"books":[{"id":"b3"}]}}""", await _executor.RunAsync("{ books(genre: FICTION) { id } }"));
        Assert.Equal("""{"data":{"echo":"date=01/02/2020:DateOnly"}}""", await _executor.RunAsync("{ echo(date: \"2020-01-02\") }"));
    }

    [Fact]
    public async Task Execute_DepthAndCostLimits_RefuseWithClearError()
    {
        var executor = Some.LibraryExecutor(new ExecutorOptions { MaxDepth = 2, MaxCost = 1000 });
        var deep = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ books { author { name } } }" });
        Assert.Equal("Operation has depth 3, which exceeds the maximum depth of 2.", Assert.Single(deep.Errors).Message);
        var costly = Some.LibraryExecutor(new ExecutorOptions { MaxCost = 50 });
        var result = await costly.ExecuteAsync(new GraphQLRequest { Query = "{ authors { books(first: 100) { title } } }" });
        Assert.Equal("Operation has cost 1011, which exceeds the maximum cost of 50.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Cost_OfARelayConnection_CountsThePageSizeOnceAcrossEdgesAndNodes()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("""
            type Query { items(first: Int, last: Int): ItemConnection! }
            type ItemConnection { edges: [ItemEdge!]! nodes: [Item!]! total: Int }
            type ItemEdge { node: Item! }
            type Item { id: ID! children(first: Int): ItemConnection! }
            """);
        var document = LineageHub.GraphQL.Language.Parser.Parse("{ items(first: 50) { edges { node { id children(first: 4) { nodes { id } } } } } }");
        var operation = document.Definitions.OfType<LineageHub.GraphQL.Language.Ast.OperationDefinitionNode>().Single();

        var errors = LineageHub.GraphQL.Validation.OperationLimits.Check(schema, document, operation, new ExecutorOptions { MaxCost = 1 });

        // items 1 + 50 × (edges 1 + node 1 + id 1 + children (1 + 4 × (nodes 1 + id 1))) = 1 + 50 × 12 = 601
        Assert.Equal("Operation has cost 601, which exceeds the maximum cost of 1.", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Execute_AuthorizeHook_CanRefuse()
    {
        var executor = Some.LibraryExecutor(new ExecutorOptions
        {
            Authorize = ctx => new ValueTask<IReadOnlyList<GraphQLError>?>(ctx.Request.UserContext is null ? [new GraphQLError("not signed in")] : null),
        });
        var refused = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ authors { id } }" });
        Assert.Equal(RequestErrorKind.Unauthorized, refused.RequestError);
        var allowed = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ authors { id } }", UserContext = "ada" });
        Assert.True(allowed.HasData);
    }

    [Fact]
    public async Task Execute_TranslateExceptionHook_ShapesTheErrorsOfItsExceptionsOnly()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { missing: Int other: Int graphql: Int }");
        schema.Resolve("Query", "missing", _ => throw new KeyNotFoundException("no such row"))
            .Resolve("Query", "other", _ => throw new InvalidOperationException("broken"))
            .Resolve("Query", "graphql", _ => throw new GraphQLException("as thrown"));
        var executor = new GraphQLExecutor(schema, new ExecutorOptions
        {
            TranslateException = ex => ex is KeyNotFoundException ? new GraphQLException("not found: " + ex.Message, new Dictionary<string, object?> { ["code"] = "NOT_FOUND" }) : null,
        });

        Assert.Equal(
            """{"errors":[{"message":"not found: no such row","locations":[{"line":1,"column":3}],"path":["missing"],"extensions":{"code":"NOT_FOUND"}},{"message":"broken","locations":[{"line":1,"column":11}],"path":["other"]},{"message":"as thrown","locations":[{"line":1,"column":17}],"path":["graphql"]}],"data":{"missing":null,"other":null,"graphql":null}}""",
            await executor.RunAsync("{ missing other graphql }"));
    }

    [Fact]
    public async Task Execute_JsonStringValue_IsWrittenByItselfForIdAndStringFields()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { id: ID! name: String ids: [ID!]! }");
        schema.Resolve("Query", "id", _ => new PartsValue("run", "a\"b"))
            .Resolve("Query", "name", _ => new PartsValue("x", "é"))
            .Resolve("Query", "ids", _ => new[] { new PartsValue("a", "1"), new PartsValue("b", "2") });

        var json = await new GraphQLExecutor(schema).RunAsync("{ id name ids }");

        Assert.Equal("""{"data":{"id":"run:a\u0022b","name":"x:\u00E9","ids":["a:1","b:2"]}}""", json);
    }

    // A string written in two parts, as an id is from its kind and key.
    private sealed class PartsValue(string first, string second) : IJsonStringValue
    {
        public void WriteTo(System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteStringValueSegment(first + ":", isFinalSegment: false);
            writer.WriteStringValueSegment(second, isFinalSegment: true);
        }

        public override string ToString() => first + ":" + second;
    }

    [Fact]
    public async Task Execute_ResolverAddsResponseExtension_AppearsInResponse()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { a: Int }");
        schema.Resolve("Query", "a", ctx =>
        {
            ctx.Request.ResponseExtensions["cost"] = 3;
            return 1;
        });
        Assert.Equal("""{"data":{"a":1},"extensions":{"cost":3}}""", await new GraphQLExecutor(schema).RunAsync("{ a }"));
    }

    [Fact]
    public async Task Execute_ManyConcurrentRequests_AllSucceed()
    {
        var executor = Some.LibraryExecutor();
        var runs = Enumerable.Range(0, 200).Select(i => Task.Run(() => executor.RunAsync(
            i % 2 == 0 ? "{ search(text: \"x\") { ... on Named { name } ... on Book { title author { name } } } }" : "{ books { author { name } } node(id: \"b1\") { id } }")));
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.DoesNotContain("errors", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_ResolverIgnoringCancellation_StillEndsAtCancellation()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { stuck: Int }");
        var never = new TaskCompletionSource<object?>();
        schema.Resolve("Query", "stuck", _ => new ValueTask<object?>(never.Task));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ stuck }" }, cts.Token).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RequestErrorKind.Timeout, result.RequestError);
    }
}
