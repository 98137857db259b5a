namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An input object literal.</summary>
public sealed record ObjectValueNode(Location Location, IReadOnlyList<ObjectFieldNode> Fields) : ValueNode(Location);
