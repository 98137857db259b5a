namespace LineageHub.GraphQL.Language.Ast;

/// <summary>One root operation type binding inside <c>schema { }</c>.</summary>
public sealed record OperationTypeDefinitionNode(Location Location, OperationType Operation, NamedTypeNode Type) : Node(Location);
