using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>What the authorization hook sees: the request and the validated operation about to run.</summary>
public sealed record AuthorizationContext(Schema Schema, GraphQLRequest Request, DocumentNode Document, OperationDefinitionNode Operation, CancellationToken CancellationToken);
