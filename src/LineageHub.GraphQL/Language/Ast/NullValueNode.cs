namespace LineageHub.GraphQL.Language.Ast;

/// <summary>The <c>null</c> literal.</summary>
public sealed record NullValueNode(Location Location) : ValueNode(Location);
