namespace LineageHub.GraphQL.Execution;

/// <summary>A request as GraphQL over HTTP carries it: document, operation name, variables, extensions.</summary>
public sealed record GraphQLRequest
{
    /// <summary>The document text.</summary>
    public required string Query { get; init; }

    /// <summary>Which operation to run when the document has several.</summary>
    public string? OperationName { get; init; }

    /// <summary>Variable values, JSON-like: string, long/int, double, bool, null, lists, string-keyed dictionaries.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions, passed through to the authorization hook.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Services for this request (e.g. ASP.NET Core's <c>HttpContext.RequestServices</c>).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Anything the host wants resolvers to see, e.g. the authenticated user.</summary>
    public object? UserContext { get; init; }

    /// <summary>The root value: the <c>Source</c> that root fields' resolvers see.</summary>
    public object? RootValue { get; init; }

    /// <summary>When true, mutations are refused (GraphQL over HTTP: GET may only query).</summary>
    public bool QueriesOnly { get; init; }
}
