namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A braced list of selections (spec 2.4).</summary>
public sealed record SelectionSetNode(Location Location, IReadOnlyList<SelectionNode> Selections) : Node(Location);
