namespace LineageHub.GraphQL.Language.Ast;

/// <summary>An enum value literal (a name other than true, false, null).</summary>
public sealed record EnumValueNode(Location Location, string Value) : ValueNode(Location);
