namespace LineageHub.GraphQL.Language.Ast;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanValueNode(Location Location, bool Value) : ValueNode(Location);
