namespace LineageHub.GraphQL.Language.Ast;

/// <summary>
/// Where a node starts in the source: the 1-based line and column of its first character, which is what
/// GraphQL errors report (spec 7.1.2). Source offsets are not kept: nothing read them, and two more
/// ints made every node of a parsed document 8 bytes larger.
/// </summary>
public readonly record struct Location(int Line, int Column);
