namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A variable reference <c>$name</c>.</summary>
public sealed record VariableNode(Location Location, string Name) : ValueNode(Location);
