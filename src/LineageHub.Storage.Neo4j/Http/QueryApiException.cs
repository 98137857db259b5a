using System.Net;

namespace LineageHub.Storage.Neo4j.Http;

/// <summary>
/// A failed Query API request: the HTTP status (null when no response came), Neo4j's error code when
/// it sent one, and whether trying again may succeed.
/// </summary>
public sealed class QueryApiException : Exception
{
    public QueryApiException(string message, HttpStatusCode? status, string? neo4jCode, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        Neo4jCode = neo4jCode;
        IsTransient = isTransient;
    }

    public HttpStatusCode? Status { get; }

    /// <summary>Such as <c>Neo.TransientError.Transaction.DeadlockDetected</c>.</summary>
    public string? Neo4jCode { get; }

    /// <summary>Connection failures, timeouts, 502/503/504, <c>Neo.TransientError.*</c> and a leader switch: the same request may succeed later.</summary>
    public bool IsTransient { get; }

    /// <summary>No response at all (refused, reset, timed out): a write may or may not have happened.</summary>
    public bool NoResponse => Status is null;

    internal static bool IsTransientCode(string? code) =>
        code is not null && (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
            || code is "Neo.ClientError.Cluster.NotALeader" or "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase");

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests;
}
