namespace LineageHub.Api.Contracts;

/// <summary>One node of a traversal result.</summary>
public sealed record LineageNodeJson(string Id, string Kind, int Depth);
