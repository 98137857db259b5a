namespace LineageHub.GraphQL.Http;

/// <summary>Every message the HTTP transport sends for requests it cannot hand to the executor.</summary>
public static class HttpMessages
{
    public const string MissingQuery = "The request has no \"query\" string parameter.";
    public const string QueryNotString = "The \"query\" parameter must be a string.";
    public const string OperationNameNotString = "The \"operationName\" parameter must be a string or null.";
    public const string VariablesNotMap = "The \"variables\" parameter must be a map or null.";
    public const string ExtensionsNotMap = "The \"extensions\" parameter must be a map or null.";
    public const string BodyNotObject = "The request body must be a JSON object.";
    public const string UnsupportedMediaType = "POST requests must have content type application/json.";
    public const string NotAcceptable = "The server can only respond with application/graphql-response+json or application/json.";
    public const string MethodNotAllowed = "Only GET and POST are supported.";
    public const string GetNotAllowed = "GET requests are disabled; use POST.";
    public const string Internal = "The server failed to process the request.";

    public static string InvalidJson(string reason) => $"The request body is not valid JSON: {reason}";
    public static string InvalidVariablesJson(string reason) => $"The \"variables\" parameter is not valid JSON: {reason}";
    public static string TooLarge(long max) => $"The request is larger than the limit of {max} bytes.";
    public static string TimedOut(TimeSpan timeout) => $"The request did not complete within {timeout.TotalSeconds:0.###} seconds.";
}
