namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An operation (spec 2.3).</summary>
public sealed record OperationDefinitionNode(Location Location, OperationType Operation, string? Name, IReadOnlyList<VariableDefinitionNode> VariableDefinitions, IReadOnlyList<DirectiveNode> Directives, SelectionSetNode SelectionSet) : DefinitionNode(Location);
