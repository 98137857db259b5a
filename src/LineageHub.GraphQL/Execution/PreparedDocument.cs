using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Execution;

/// <summary>A parsed and validated document, cached by its text.</summary>
internal sealed record PreparedDocument(DocumentNode? Document, IReadOnlyList<GraphQLError> Errors, RequestErrorKind ErrorKind);
