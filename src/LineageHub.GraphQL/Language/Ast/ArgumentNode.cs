namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A named argument (spec 2.6).</summary>
public sealed record ArgumentNode(Location Location, string Name, ValueNode Value) : Node(Location);
