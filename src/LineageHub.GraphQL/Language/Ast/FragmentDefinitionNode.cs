namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A named fragment (spec 2.8).</summary>
public sealed record FragmentDefinitionNode(Location Location, string Name, NamedTypeNode TypeCondition, IReadOnlyList<DirectiveNode> Directives, SelectionSetNode SelectionSet) : DefinitionNode(Location)
{
    /// <summary>Where the name starts (validation errors point at names, as graphql-js's do).</summary>
    public Location? NameLocation { get; init; }
}
