namespace LineageHub.GraphQL.Execution;

/// <summary>
/// The response (spec 7.1): <see cref="Data"/> is absent (<see cref="HasData"/> false) for request errors,
/// and may be null when an error propagated to the root.
/// </summary>
public sealed record ExecutionResult
{
    /// <summary>The result map, keyed by response key in selection order; values are maps, object arrays, or scalars.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>Whether execution started, so the response carries a <c>data</c> entry (possibly null).</summary>
    public bool HasData { get; init; }

    /// <summary>Errors, if any.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    /// <summary>Response extensions, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Why the request failed before execution, for transports that pick status codes (null when executed).</summary>
    public RequestErrorKind? RequestError { get; init; }

    internal static ExecutionResult Fail(RequestErrorKind kind, IReadOnlyList<GraphQLError> errors) =>
        new() { Errors = errors, RequestError = kind };

    /// <summary>Serializes the result as the JSON response body.</summary>
    public string ToJson() => ResultJsonWriter.ToJson(this);
}
