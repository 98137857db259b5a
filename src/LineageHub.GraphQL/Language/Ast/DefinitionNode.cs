namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A top-level definition of a document.</summary>
public abstract record DefinitionNode(Location Location) : Node(Location);
