namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A parsed document: executable definitions and/or type system definitions (spec 2.2).</summary>
public sealed record DocumentNode(Location Location, IReadOnlyList<DefinitionNode> Definitions) : Node(Location);
