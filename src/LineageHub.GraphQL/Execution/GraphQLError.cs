namespace LineageHub.GraphQL.Execution;

/// <summary>One entry of a response's <c>errors</c> list (spec 7.1.2).</summary>
public sealed record GraphQLError(string Message)
{
    /// <summary>Where in the document the error applies.</summary>
    public IReadOnlyList<ErrorLocation>? Locations { get; init; }

    /// <summary>The response path of the field that failed: keys and list indices.</summary>
    public IReadOnlyList<object>? Path { get; init; }

    /// <summary>Extra, implementation-defined entries (e.g. an error code).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
