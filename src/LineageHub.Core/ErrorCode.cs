namespace LineageHub.Core;

/// <summary>The kinds of expected failure every boundary (CLI, GraphQL, HTTP) maps to its own vocabulary.</summary>
public enum ErrorCode
{
    /// <summary>A named thing does not exist.</summary>
    NotFound,

    /// <summary>The request contradicts what is already recorded.</summary>
    Conflict,

    /// <summary>The request itself is malformed.</summary>
    InvalidInput,

    /// <summary>Stored data failed an integrity check: it was damaged or edited outside LineageHub.</summary>
    Corrupt,

    /// <summary>A resource the operation needs cannot be reached.</summary>
    Unavailable,
}
