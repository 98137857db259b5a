namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An applied directive (spec 2.12).</summary>
public sealed record DirectiveNode(Location Location, string Name, IReadOnlyList<ArgumentNode> Arguments) : Node(Location);
