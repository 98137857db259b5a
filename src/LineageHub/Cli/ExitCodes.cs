using LineageHub.Core;

namespace LineageHub.Cli;

/// <summary>The CLI's exit codes, so scripts can tell a failed check from a bad call.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int InvalidInput = 2;
    public const int NotFound = 3;
    public const int Conflict = 4;
    public const int Corrupt = 5;
    public const int Unavailable = 6;
    public const int Internal = 70;

    public static int For(ErrorCode code) => code switch
    {
        ErrorCode.InvalidInput => InvalidInput,
        ErrorCode.NotFound => NotFound,
        ErrorCode.Conflict => Conflict,
        ErrorCode.Corrupt => Corrupt,
        _ => Unavailable,
    };
}
