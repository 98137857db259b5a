using LineageHub.GraphQL.Language;

namespace LineageHub.GraphQL.Execution;

/// <summary>Limits and hooks applied to every request an executor runs.</summary>
public sealed record ExecutorOptions
{
    /// <summary>Shared defaults.</summary>
    public static ExecutorOptions Default { get; } = new();

    /// <summary>Parser limits (document size, tokens, nesting).</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Deepest field nesting an operation may select (fragments expanded); null for no limit.</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>Highest cost an operation may have (see <see cref="Validation.OperationLimits"/>); null for no limit.</summary>
    public int? MaxCost { get; init; } = 100_000;

    /// <summary>Assumed length of a list field with no <c>first</c>/<c>last</c>/<c>limit</c> argument, when costing.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>How many distinct documents keep their parse and validation cached.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>
    /// Called after validation and before execution; return errors to refuse the request (they are sent to
    /// the client), or null/empty to let it run. The place for authorization and per-client limits.
    /// </summary>
    public Func<AuthorizationContext, ValueTask<IReadOnlyList<GraphQLError>?>>? Authorize { get; init; }

    /// <summary>
    /// Turns an exception a resolver threw into the error the client sees (its message and extensions), for
    /// an application's own exception types; null keeps the exception's message as it is.
    /// </summary>
    public Func<Exception, GraphQLException?>? TranslateException { get; init; }
}
