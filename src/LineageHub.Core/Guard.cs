using System.Runtime.CompilerServices;

namespace LineageHub.Core;

/// <summary>
/// The one way product code reports a programmer error (a broken precondition, not bad user input).
/// Bad input from users returns results or throws <see cref="LineageHubException"/> with a clear message.
/// </summary>
public static class Guard
{
    public static void That(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{message} (failed: {expression})");
        }
    }
}
