namespace LineageHub.Api.Contracts;

/// <summary>One edge of a traversal result, in its stored direction.</summary>
public sealed record LineageEdgeJson(string Kind, string From, string To);
