namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A variable declared by an operation (spec 2.10).</summary>
public sealed record VariableDefinitionNode(Location Location, VariableNode Variable, TypeNode Type, ValueNode? DefaultValue, IReadOnlyList<DirectiveNode> Directives) : Node(Location);
