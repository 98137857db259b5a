namespace LineageHub.GraphQL.Types;

/// <summary>The SDL does not describe a valid schema, or a binding names something the schema lacks.</summary>
public sealed class SchemaException(string message) : Exception(message);
