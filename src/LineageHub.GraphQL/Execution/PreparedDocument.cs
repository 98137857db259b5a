using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Execution;

/// <summary>A parsed and validated document, cached by its text.</summary>
internal sealed record PreparedDocument(DocumentNode? Document, IReadOnlyList<GraphQLError> Errors, RequestErrorKind ErrorKind)
{
    /// <summary>Depth and cost verdicts per operation: they depend on the document alone, so they are cached with it.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<OperationDefinitionNode, IReadOnlyList<GraphQLError>> LimitErrors { get; } =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>How many keys the document's loaders took when it last ran, to size them for the next run.</summary>
    public LoaderSizes LoaderSizes { get; } = new();
}
