namespace LineageHub.Api.GraphQL;

/// <summary>The GraphQL API's messages, in one place so tests assert on the same wording.</summary>
public static class ApiMessages
{
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 10;

    public const int MaxLineageDepth = 100;

    public const int MaxLineageNodes = 10_000;

    public static string FirstAndLast => "give `first` or `last`, not both";

    public static string PageSize(string argument, int value) =>
        $"`{argument}` must be 0 to {MaxPageSize}, got {value} (the largest page is {MaxPageSize} items)";

    public static string TooManyIds(int count) => $"`ids` holds at most {MaxPageSize} ids, got {count}";

    public static string BadCursor(string argument) =>
        $"`{argument}` is not a cursor of this list; use a cursor this list returned";

    public static string BadId(string argument, string value) =>
        $"`{argument}`: '{value}' is not a node id (kind:key, e.g. dataset:s3://lake|events)";

    public static string WrongKind(string argument, string value, string kind) =>
        $"`{argument}`: {value} is not a {kind} id";

    public static string LineageDepth(int value) => $"`depth` must be 0 to {MaxLineageDepth}, got {value}";

    public static string LineageNodes(int value) => $"`maxNodes` must be 1 to {MaxLineageNodes}, got {value}";

    public static string AsOfOneOf => "`asOf` takes exactly one of `size` and `time`";

    public static string NotUuid(string argument, string value) => $"`{argument}`: '{value}' is not a UUID";

    public static string NotStringMap(string argument) => $"`{argument}` must be a JSON object of strings";

    public static string NotNumberMap(string argument) => $"`{argument}` must be a JSON object of numbers";

    public static string NotWholeNumber(string argument, double value) => $"`{argument}` must be a whole number from 0 to 2^53, got {value}";

    public static string DateTimeWithoutOffset(string text) =>
        $"DateTime must be ISO-8601 with its UTC offset (e.g. 2026-05-01T09:00:00Z), got '{text}'";

    public static string NotDigest(string text) => $"Digest must be 64 hexadecimal digits (a SHA-256), got '{(text.Length <= 80 ? text : text[..80] + "…")}'";

    public static string Forbidden(string role, string operation) =>
        $"an API key with the role {role} may not run {operation}; writing needs the writer or admin role";
}
