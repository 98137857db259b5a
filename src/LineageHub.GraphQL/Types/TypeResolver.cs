using LineageHub.GraphQL.Execution;

namespace LineageHub.GraphQL.Types;

/// <summary>Names the concrete object type of a value returned for an interface or union field.</summary>
public delegate string? TypeResolver(object value, ResolveFieldContext context);
