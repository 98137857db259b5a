namespace LineageHub.GraphQL.Language.Ast;

/// <summary>The three operation types (spec 2.3).</summary>
public enum OperationType
{
    /// <summary>A read-only fetch.</summary>
    Query,
    /// <summary>A write followed by a fetch; root fields run serially.</summary>
    Mutation,
    /// <summary>A long-lived request (validated, not executed by this engine).</summary>
    Subscription,
}
