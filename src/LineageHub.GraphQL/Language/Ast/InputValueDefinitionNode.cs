namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An argument or input object field definition.</summary>
public sealed record InputValueDefinitionNode(Location Location, StringValueNode? Description, string Name, TypeNode Type, ValueNode? DefaultValue, IReadOnlyList<DirectiveNode> Directives) : Node(Location);
