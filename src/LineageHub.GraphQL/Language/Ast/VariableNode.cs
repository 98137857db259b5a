namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A variable reference <c>$name</c>.</summary>
public sealed record VariableNode(Location Location, string Name) : ValueNode(Location)
{
    /// <summary>Where the name starts (validation errors point at names, as graphql-js's do).</summary>
    public Location? NameLocation { get; init; }
}
