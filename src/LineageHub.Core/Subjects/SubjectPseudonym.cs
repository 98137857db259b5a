using System.Buffers.Binary;
using System.Text.Json.Serialization;

namespace LineageHub.Core.Subjects;

/// <summary>
/// A data subject's keyed pseudonym: HMAC-SHA-256 of the raw identifier under the deployment's secret,
/// 32 bytes, printed as 64 lower-case hex digits. Held as four big-endian words so that comparing two
/// pseudonyms orders them exactly as their bytes compare (the order subject sets are sorted in).
/// </summary>
[JsonConverter(typeof(SubjectPseudonymJsonConverter))]
public readonly record struct SubjectPseudonym(ulong W0, ulong W1, ulong W2, ulong W3) : IComparable<SubjectPseudonym>
{
    public const int Size = 32;

    public static SubjectPseudonym Read(ReadOnlySpan<byte> bytes)
    {
        Guard.That(bytes.Length >= Size, "a pseudonym has 32 bytes");
        return new(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, W0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], W1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], W2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], W3);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public static SubjectPseudonym Parse(string hex) =>
        TryParse(hex, out var pseudonym) ? pseudonym : throw LineageHubException.InvalidInput(SubjectMessages.NotAPseudonym(hex));

    public static bool TryParse(string? hex, out SubjectPseudonym pseudonym)
    {
        pseudonym = default;
        if (hex is null || hex.Length != 2 * Size || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }
        pseudonym = Read(Convert.FromHexString(hex));
        return true;
    }

    public int CompareTo(SubjectPseudonym other)
    {
        var c = W0.CompareTo(other.W0);
        if (c != 0)
        {
            return c;
        }
        c = W1.CompareTo(other.W1);
        if (c != 0)
        {
            return c;
        }
        c = W2.CompareTo(other.W2);
        return c != 0 ? c : W3.CompareTo(other.W3);
    }

    public static bool operator <(SubjectPseudonym left, SubjectPseudonym right) => left.CompareTo(right) < 0;

    public static bool operator >(SubjectPseudonym left, SubjectPseudonym right) => left.CompareTo(right) > 0;

    public static bool operator <=(SubjectPseudonym left, SubjectPseudonym right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SubjectPseudonym left, SubjectPseudonym right) => left.CompareTo(right) >= 0;

    public override string ToString() => Convert.ToHexStringLower(ToBytes());
}
