namespace LineageHub.GraphQL.Execution;

/// <summary>A 1-based line and column in the request document (spec 7.1.2 Errors, "locations").</summary>
public readonly record struct ErrorLocation(int Line, int Column);
