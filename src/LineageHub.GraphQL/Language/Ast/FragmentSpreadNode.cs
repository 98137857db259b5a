namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A spread of a named fragment (spec 2.8).</summary>
public sealed record FragmentSpreadNode(Location Location, string Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode(Location, Directives)
{
    /// <summary>Where the name starts (validation errors point at names, as graphql-js's do).</summary>
    public Location? NameLocation { get; init; }
}
