namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A field selection (spec 2.5), optionally aliased (spec 2.7).</summary>
public sealed record FieldNode(Location Location, string? Alias, string Name, IReadOnlyList<ArgumentNode> Arguments, IReadOnlyList<DirectiveNode> Directives, SelectionSetNode? SelectionSet) : SelectionNode(Location, Directives)
{
    /// <summary>The key under which the field appears in the response: the alias if any, else the name.</summary>
    public string ResponseKey => Alias ?? Name;
}
