namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A directive definition (spec 3.13).</summary>
public sealed record DirectiveDefinitionNode(Location Location, StringValueNode? Description, string Name, IReadOnlyList<InputValueDefinitionNode> Arguments, bool IsRepeatable, IReadOnlyList<string> Locations) : DefinitionNode(Location);
