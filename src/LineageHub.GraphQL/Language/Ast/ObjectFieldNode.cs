namespace LineageHub.GraphQL.Language.Ast;

/// <summary>One field of an input object literal.</summary>
public sealed record ObjectFieldNode(Location Location, string Name, ValueNode Value) : Node(Location);
