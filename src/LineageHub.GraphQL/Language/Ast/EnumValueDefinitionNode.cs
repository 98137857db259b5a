namespace LineageHub.GraphQL.Language.Ast;

/// <summary>One value of an enum type.</summary>
public sealed record EnumValueDefinitionNode(Location Location, StringValueNode? Description, string Name, IReadOnlyList<DirectiveNode> Directives) : Node(Location);
