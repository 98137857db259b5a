namespace LineageHub.GraphQL.Execution;

/// <summary>Why a request ended before execution; GraphQL over HTTP maps these to status codes.</summary>
public enum RequestErrorKind
{
    /// <summary>The document did not parse.</summary>
    Syntax,
    /// <summary>The document failed validation (spec 5), including depth and cost limits.</summary>
    Validation,
    /// <summary>No operation could be selected, or the operation type is not allowed here.</summary>
    OperationSelection,
    /// <summary>Mutation requested where only queries are allowed (GET).</summary>
    MutationNotAllowed,
    /// <summary>Variable values could not be coerced.</summary>
    Variables,
    /// <summary>The authorization hook refused the request.</summary>
    Unauthorized,
    /// <summary>The request ran past its time limit or was cancelled.</summary>
    Timeout,
}
