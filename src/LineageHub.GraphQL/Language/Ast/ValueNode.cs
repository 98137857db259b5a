namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An input value literal (spec 2.9).</summary>
public abstract record ValueNode(Location Location) : Node(Location);
