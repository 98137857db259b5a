namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A string or block string literal, already unescaped.</summary>
public sealed record StringValueNode(Location Location, string Value, bool Block) : ValueNode(Location);
