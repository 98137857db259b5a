namespace LineageHub.GraphQL.Execution;

/// <summary>Produces a field's value; bound with <see cref="Types.Schema.Resolve(string, string, Func{ResolveFieldContext, object?})"/>.</summary>
public delegate ValueTask<object?> FieldResolver(ResolveFieldContext context);
