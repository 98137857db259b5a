namespace LineageHub.GraphQL.Language.Ast;

/// <summary><c>[Type]</c>.</summary>
public sealed record ListTypeNode(Location Location, TypeNode Type) : TypeNode(Location);
