using System.Buffers.Binary;
using System.Text;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>
/// The canonical bytes of a consent record, the data of its Merkle leaf (schema/consent.md, "Canonical
/// record"): version 1, the pseudonym, the basis code, three big-endian microsecond times (the largest
/// int64 for "none"), an optional evidence digest and the UTF-8 purpose.
/// </summary>
public static class ConsentRecordCodec
{
    public const byte Version = 1;

    /// <summary>A purpose is 1 to this many UTF-8 bytes.</summary>
    public const int MaxPurposeBytes = 256;

    private const long None = long.MaxValue;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private const int FixedSize = 1 + SubjectPseudonym.Size + 1 + (3 * 8) + 1 + 2;

    // Enum.GetValues allocates its array on every call; records are parsed a million at a time.
    private static readonly int BasisCount = Enum.GetValues<LawfulBasis>().Length;

    /// <summary>The basis codes of the encoding, in <see cref="LawfulBasis"/> order from 1.</summary>
    public static byte BasisCode(LawfulBasis basis) => (byte)((int)basis + 1);

    public static int SizeOf(ConsentRecord record) =>
        FixedSize + (record.EvidenceDigest is null ? 0 : Digest.Size) + Encoding.UTF8.GetByteCount(record.Purpose);

    public static byte[] Encode(ConsentRecord record)
    {
        var bytes = new byte[SizeOf(record)];
        Write(record, bytes);
        return bytes;
    }

    /// <summary>Writes the record into <paramref name="destination"/> (exactly <see cref="SizeOf"/> bytes).</summary>
    public static void Write(ConsentRecord record, Span<byte> destination)
    {
        var purposeBytes = Encoding.UTF8.GetByteCount(record.Purpose);
        Guard.That(purposeBytes is > 0 and <= MaxPurposeBytes, "a purpose has 1 to 256 UTF-8 bytes");
        destination[0] = Version;
        record.Subject.WriteTo(destination[1..]);
        var at = 1 + SubjectPseudonym.Size;
        destination[at++] = BasisCode(record.Basis);
        BinaryPrimitives.WriteInt64BigEndian(destination[at..], Micros(record.GrantedAt));
        BinaryPrimitives.WriteInt64BigEndian(destination[(at + 8)..], record.ExpiresAt is { } e ? Micros(e) : None);
        BinaryPrimitives.WriteInt64BigEndian(destination[(at + 16)..], record.WithdrawnAt is { } w ? Micros(w) : None);
        at += 24;
        if (record.EvidenceDigest is { } evidence)
        {
            destination[at++] = 1;
            evidence.Bytes.CopyTo(destination[at..]);
            at += Digest.Size;
        }
        else
        {
            destination[at++] = 0;
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)purposeBytes);
        Encoding.UTF8.GetBytes(record.Purpose, destination[(at + 2)..]);
    }

    /// <summary>Reads one record's bytes; anything we would not write is refused with <see cref="ErrorCode.InvalidInput"/>.</summary>
    public static ConsentRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var fields = Parse(bytes, out var purpose);
        string text;
        try
        {
            text = StrictUtf8.GetString(purpose);
        }
        catch (DecoderFallbackException)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes("purpose is not UTF-8"));
        }
        return new ConsentRecord(fields.Subject, text, fields.Basis, FromTicks(fields.GrantedTicks),
            fields.ExpiresTicks == None ? null : FromTicks(fields.ExpiresTicks),
            fields.WithdrawnTicks == None ? null : FromTicks(fields.WithdrawnTicks), fields.Evidence);
    }

    /// <summary>
    /// What deciding a subject needs of a record, checked as strictly as <see cref="Decode"/> but with the
    /// purpose taken from <paramref name="purposes"/> (one string per distinct purpose, not one per record).
    /// </summary>
    internal static ConsentTerms DecodeTerms(ReadOnlySpan<byte> bytes, List<(byte[] Utf8, string Text)> purposes)
    {
        var fields = Parse(bytes, out var utf8);
        foreach (var (known, text) in purposes)
        {
            if (utf8.SequenceEqual(known))
            {
                return new ConsentTerms(fields.Subject, text, fields.GrantedTicks, fields.ExpiresTicks, fields.WithdrawnTicks);
            }
        }
        var purpose = Decode(bytes).Purpose;
        purposes.Add((utf8.ToArray(), purpose));
        return new ConsentTerms(fields.Subject, purpose, fields.GrantedTicks, fields.ExpiresTicks, fields.WithdrawnTicks);
    }

    // Every check of the encoding but the purpose's UTF-8; times come back as UTC ticks (None for "none").
    private static (SubjectPseudonym Subject, LawfulBasis Basis, long GrantedTicks, long ExpiresTicks, long WithdrawnTicks, Digest? Evidence) Parse(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> purpose)
    {
        if (bytes.Length < FixedSize || bytes[0] != Version)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes("too short or not version 1"));
        }
        var subject = SubjectPseudonym.Read(bytes[1..]);
        var at = 1 + SubjectPseudonym.Size;
        var code = bytes[at++];
        if (code < 1 || code > BasisCount)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes($"basis code {code}"));
        }
        var granted = Ticks(BinaryPrimitives.ReadInt64BigEndian(bytes[at..]));
        var expires = BinaryPrimitives.ReadInt64BigEndian(bytes[(at + 8)..]);
        var withdrawn = BinaryPrimitives.ReadInt64BigEndian(bytes[(at + 16)..]);
        at += 24;
        Digest? evidence = null;
        var flag = bytes[at++];
        if (flag == 1)
        {
            if (bytes.Length < FixedSize + Digest.Size)
            {
                throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes("evidence digest cut short"));
            }
            evidence = Digest.FromBytes(bytes.Slice(at, Digest.Size));
            at += Digest.Size;
        }
        else if (flag != 0)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes($"evidence flag {flag}"));
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        at += 2;
        if (length is 0 or > MaxPurposeBytes || bytes.Length != at + length)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes($"purpose length {length} does not match the record's {bytes.Length} bytes"));
        }
        purpose = bytes.Slice(at, length);
        return (subject, (LawfulBasis)(code - 1), granted, expires == None ? None : Ticks(expires), withdrawn == None ? None : Ticks(withdrawn), evidence);
    }

    /// <summary>Microseconds since 1970-01-01T00:00:00Z: the precision records keep.</summary>
    public static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => FromTicks(Ticks(micros));

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    // UTC ticks of a stored microsecond time, refusing any a DateTimeOffset cannot hold.
    private static long Ticks(long micros)
    {
        const long minMicros = -62_135_596_800_000_000L;
        const long maxMicros = 253_402_300_799_999_999L;
        if (micros is < minMicros or > maxMicros)
        {
            throw LineageHubException.InvalidInput(ConsentMessages.BadRecordBytes($"time {micros} µs is out of range"));
        }
        return DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10);
    }
}
