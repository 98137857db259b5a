namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A float literal, kept as source text.</summary>
public sealed record FloatValueNode(Location Location, string Value) : ValueNode(Location);
