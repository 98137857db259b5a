using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Execution;

/// <summary>Every execution error message, worded as graphql-js words them where it has an equivalent.</summary>
public static class ExecutionMessages
{
    public const string OperationNameRequired = "Must provide operation name if query contains multiple operations.";
    public const string NoOperation = "Must provide an operation.";
    public const string SubscriptionsNotSupported = "Subscriptions are not supported by this server.";
    public const string Cancelled = "The request was cancelled or ran out of time.";

    public static string UnknownOperation(string name) => $"Unknown operation named \"{name}\".";
    public static string OnlyQueriesAllowed(OperationType operation) => $"Can only perform a {Keyword(operation)} operation from a POST request.";
    public static string NoRootType(OperationType operation) => $"Schema is not configured to execute {Keyword(operation)} operation.";
    public static string NonNullReturnedNull(string type, string field) => $"Cannot return null for non-nullable field {type}.{field}.";
    public static string NotIterable(string type, string field) => $"Expected Iterable, but did not find one for field \"{type}.{field}\".";
    public static string ResolverReturnedTask(string type, string field) => $"The resolver of {type}.{field} returned a Task; bind it with an async lambda so the executor awaits it.";
    public static string EnumCannotRepresent(string type, string value) => $"Enum \"{type}\" cannot represent value: {value}";
    public static string AbstractTypeUnresolved(string type, string parent, string field) =>
        $"Abstract type \"{type}\" must resolve to an Object type at runtime for field \"{parent}.{field}\". Either the \"{type}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.";
    public static string AbstractTypeUnknown(string type, string resolved) => $"Abstract type \"{type}\" was resolved to a type \"{resolved}\" that does not exist inside the schema.";
    public static string NotPossibleType(string resolved, string type) => $"Runtime Object type \"{resolved}\" is not a possible type for \"{type}\".";
    public static string IsTypeOfFailed(string type, string value) => $"Expected value of type \"{type}\" but got: {value}.";

    private static string Keyword(OperationType operation) => operation.ToString().ToLowerInvariant();
}
