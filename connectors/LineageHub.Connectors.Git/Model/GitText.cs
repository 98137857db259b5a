using System.Text;

namespace LineageHub.Connectors.Git;

/// <summary>
/// Bytes that git stores without an encoding guarantee (paths, names, messages), kept exactly as found,
/// with a display string. When the bytes are not valid in their encoding the display string shows each
/// undecodable byte as <c>\xNN</c> (and a literal backslash as <c>\\</c>) so it is unambiguous.
/// </summary>
public sealed class GitText : IEquatable<GitText>
{
    private readonly byte[] _bytes;

    private GitText(byte[] bytes, string text, bool isExact)
    {
        _bytes = bytes;
        Text = text;
        IsExact = isExact;
    }

    /// <summary>The raw bytes, as git stores them.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>A display string: the decoded text, or the decodable part with escapes.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> decodes the bytes exactly (no escapes were needed).</summary>
    public bool IsExact { get; }

    /// <summary>Wraps a .NET string as its UTF-8 bytes.</summary>
    public static GitText FromString(string text) => new(Encoding.UTF8.GetBytes(text), text, isExact: true);

    /// <summary>Copies bytes and decodes them as UTF-8, escaping what does not decode.</summary>
    public static GitText FromBytes(ReadOnlySpan<byte> bytes) => FromBytes(bytes, encoding: null);

    /// <summary>
    /// Copies bytes and decodes them with <paramref name="encoding"/> (UTF-8 when null), escaping what
    /// does not decode.
    /// </summary>
    public static GitText FromBytes(ReadOnlySpan<byte> bytes, Encoding? encoding)
    {
        var copy = bytes.ToArray();
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes)
                ? new GitText(copy, Encoding.UTF8.GetString(bytes), isExact: true)
                : new GitText(copy, EscapeUtf8(bytes), isExact: false);
        }

        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return new GitText(copy, strict.GetString(bytes), isExact: true);
        }
        catch (DecoderFallbackException)
        {
            // The commit declared an encoding its bytes do not follow; show them as escaped UTF-8.
            return new GitText(copy, EscapeUtf8(bytes), isExact: false);
        }
    }

    private static string EscapeUtf8(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length + 16);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (rune.Value == '\\')
                {
                    builder.Append(@"\\");
                }
                else
                {
                    builder.Append(rune.ToString());
                }
            }
            else
            {
                consumed = Math.Max(consumed, 1);
                for (var i = 0; i < consumed; i++)
                {
                    builder.Append(@"\x").Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            bytes = bytes[consumed..];
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(GitText? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GitText);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
