namespace LineageHub.GraphQL.Language.Ast;

/// <summary>Base of every AST node.</summary>
public abstract record Node(Location Location);
