using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineageHub.Core.Hashing;

/// <summary>A SHA-256 value. Printed and parsed as 64 lower-case hex digits.</summary>
[JsonConverter(typeof(DigestJsonConverter))]
public readonly record struct Digest
{
    public const int Size = 32;

    private readonly byte[]? _bytes;

    private Digest(byte[] bytes) => _bytes = bytes;

    /// <summary>The 32 bytes of the digest (all zero for <c>default</c>).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    public static Digest FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a SHA-256 digest has {Size} bytes, got {bytes.Length}", nameof(bytes));
        }
        return new Digest(bytes.ToArray());
    }

    public static Digest Of(ReadOnlySpan<byte> data) => new(SHA256.HashData(data));

    public static Digest Parse(string hex) =>
        TryParse(hex, out var digest) ? digest : throw new FormatException($"not a SHA-256 hex digest: '{Truncate(hex)}'");

    public static bool TryParse(string? hex, out Digest digest)
    {
        digest = default;
        if (hex is null || hex.Length != Size * 2)
        {
            return false;
        }
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        digest = new Digest(Convert.FromHexString(hex));
        return true;
    }

    public bool Equals(Digest other) => Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes);

    public override string ToString() => Convert.ToHexStringLower(Bytes);

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}

/// <summary>Reads and writes a <see cref="Digest"/> as its hex string.</summary>
public sealed class DigestJsonConverter : JsonConverter<Digest>
{
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Digest.TryParse(reader.GetString(), out var digest) ? digest : throw new JsonException("expected a 64-digit hex SHA-256 digest");

    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
