namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A reference to a named type.</summary>
public sealed record NamedTypeNode(Location Location, string Name) : TypeNode(Location);
