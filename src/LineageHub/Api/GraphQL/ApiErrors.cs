using LineageHub.Core;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// One error policy for the GraphQL API: expected failures carry a code (<c>NOT_FOUND</c>, <c>CONFLICT</c>,
/// <c>INVALID_INPUT</c>, <c>FORBIDDEN</c>) in queries' <c>errors[].extensions.code</c> and in mutations' <c>userErrors</c>.
/// </summary>
internal static class ApiErrors
{
    public static string Code(ErrorCode code) => code switch
    {
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.InvalidInput => "INVALID_INPUT",
        ErrorCode.Corrupt => "CORRUPT",
        _ => "UNAVAILABLE",
    };

    public static GraphQLException ToGraphQL(LineageHubException ex) =>
        new(ex.Message, new Dictionary<string, object?> { ["code"] = Code(ex.Code) });

    public static GraphQLError Forbidden(string message) =>
        new(message) { Extensions = new Dictionary<string, object?> { ["code"] = "FORBIDDEN" } };

    /// <summary>Whether a failure is the client's to fix (a user error) rather than the server's.</summary>
    public static bool IsUserError(ErrorCode code) => code is ErrorCode.NotFound or ErrorCode.Conflict or ErrorCode.InvalidInput;

    public static Dictionary<string, object?> UserError(LineageHubException ex, IReadOnlyList<string>? field = null) => new()
    {
        ["code"] = Code(ex.Code),
        ["message"] = ex.Message,
        ["field"] = field,
    };
}
