namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Thrown by resolvers to report a field error with extensions (e.g. a code); any other exception is
/// reported with its message.
/// </summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : base(message)
    {
        Extensions = extensions;
    }

    /// <summary>Copied into the error's <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
