namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An integer literal, kept as source text so range checks happen at coercion.</summary>
public sealed record IntValueNode(Location Location, string Value) : ValueNode(Location);
