namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract record SelectionNode(Location Location, IReadOnlyList<DirectiveNode> Directives) : Node(Location);
