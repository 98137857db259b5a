namespace LineageHub.GraphQL.Types;

/// <summary>Thrown by scalar coercion hooks when a value cannot be represented; the message reaches the client.</summary>
public sealed class CoercionException(string message) : Exception(message);
