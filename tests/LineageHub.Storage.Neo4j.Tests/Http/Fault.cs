namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>What the fake Query API does instead of answering a request normally.</summary>
public enum Fault
{
    /// <summary>Answers 503 Service Unavailable, as Neo4j does while a database is unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Drops the connection before doing anything.</summary>
    DropConnection,

    /// <summary>Does what was asked (a commit lands), then drops the connection before answering.</summary>
    DropConnectionAfterApplying,

    /// <summary>Answers with Neo4j's transient deadlock error.</summary>
    TransientError,
}
