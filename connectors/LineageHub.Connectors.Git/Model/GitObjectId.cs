namespace LineageHub.Connectors.Git;

/// <summary>
/// A git object name: 40 lower-case hex digits (SHA-1) or 64 (SHA-256 object format).
/// </summary>
public readonly record struct GitObjectId
{
    private GitObjectId(string value) => Value = value;

    /// <summary>The full lower-case hex object name.</summary>
    public string Value { get; }

    /// <summary>Parses a full object name; abbreviations are refused so an id always names one object.</summary>
    public static bool TryParse(string? text, out GitObjectId id)
    {
        id = default;
        if (text is null || !IsFullHex(text.AsSpan()))
        {
            return false;
        }

        id = new GitObjectId(text.ToLowerInvariant());
        return true;
    }

    /// <summary>Parses a full object name or throws <see cref="GitConnectorException"/>.</summary>
    public static GitObjectId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new GitConnectorException(GitErrorKind.InvalidArgument, GitMessages.InvalidObjectId(text));

    internal static bool TryParse(ReadOnlySpan<byte> ascii, out GitObjectId id)
    {
        id = default;
        if (ascii.Length is not (40 or 64))
        {
            return false;
        }

        Span<char> chars = stackalloc char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            var c = (char)ascii[i];
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            chars[i] = char.ToLowerInvariant(c);
        }

        id = new GitObjectId(new string(chars));
        return true;
    }

    private static bool IsFullHex(ReadOnlySpan<char> text) =>
        text.Length is 40 or 64 && !text.ContainsAnyExcept(HexDigits);

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
