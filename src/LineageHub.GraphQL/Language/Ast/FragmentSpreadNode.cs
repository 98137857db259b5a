namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A spread of a named fragment (spec 2.8).</summary>
public sealed record FragmentSpreadNode(Location Location, string Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode(Location, Directives);
