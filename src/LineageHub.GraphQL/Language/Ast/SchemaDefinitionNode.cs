namespace LineageHub.GraphQL.Language.Ast;

/// <summary><c>schema { ... }</c> or <c>extend schema</c> (spec 3.3).</summary>
public sealed record SchemaDefinitionNode(Location Location, StringValueNode? Description, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<OperationTypeDefinitionNode> OperationTypes, bool IsExtension) : DefinitionNode(Location);
