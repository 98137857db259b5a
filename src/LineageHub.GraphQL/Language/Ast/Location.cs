namespace LineageHub.GraphQL.Language.Ast;

/// <summary>Where a node starts in the source: offsets plus the 1-based line and column of its first character.</summary>
public readonly record struct Location(int Start, int End, int Line, int Column);
