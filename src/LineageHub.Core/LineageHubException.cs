namespace LineageHub.Core;

/// <summary>
/// An expected failure with a message fit for the user: it names the thing at fault and carries the
/// evidence. Boundaries print <see cref="Exception.Message"/>, never a stack trace.
/// </summary>
public sealed class LineageHubException : Exception
{
    public LineageHubException(ErrorCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    public static LineageHubException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static LineageHubException Conflict(string message) => new(ErrorCode.Conflict, message);

    public static LineageHubException InvalidInput(string message) => new(ErrorCode.InvalidInput, message);

    public static LineageHubException Corrupt(string message, Exception? inner = null) => new(ErrorCode.Corrupt, message, inner);
}
