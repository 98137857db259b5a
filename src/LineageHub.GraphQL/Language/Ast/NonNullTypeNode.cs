namespace LineageHub.GraphQL.Language.Ast;

/// <summary><c>Type!</c>.</summary>
public sealed record NonNullTypeNode(Location Location, TypeNode Type) : TypeNode(Location);
