namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A field of an object or interface type.</summary>
public sealed record FieldDefinitionNode(Location Location, StringValueNode? Description, string Name, IReadOnlyList<InputValueDefinitionNode> Arguments, TypeNode Type, IReadOnlyList<DirectiveNode> Directives) : Node(Location);
