namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An operation (spec 2.3).</summary>
public sealed record OperationDefinitionNode(Location Location, OperationType Operation, string? Name, IReadOnlyList<VariableDefinitionNode> VariableDefinitions, IReadOnlyList<DirectiveNode> Directives, SelectionSetNode SelectionSet) : DefinitionNode(Location)
{
    /// <summary>Where the name starts (validation errors point at names, as graphql-js's do).</summary>
    public Location? NameLocation { get; init; }
}
