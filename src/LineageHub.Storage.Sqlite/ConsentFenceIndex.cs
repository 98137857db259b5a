using System.Buffers.Binary;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// The sparse subject index of one consent batch (schema/sqlite/0003_consent_fences.sql). The batch's
/// records are sorted by their canonical bytes, so by subject first: a fence every <c>stride</c> records,
/// holding that record's subject and the offset of its length prefix, lets a lookup binary-search the
/// fences and read only the stretch of the records blob where a subject can be. Fence <c>i</c> is 36 bytes:
/// the 32-byte subject of record <c>i·stride</c>, then the offset as 4 big-endian bytes.
/// </summary>
internal sealed partial class ConsentFenceIndex
{
    /// <summary>Records per fence: a lookup reads at most about two strides of records (~10 KB) per batch.</summary>
    public const int DefaultStride = 64;

    public const int FenceSize = SubjectPseudonym.Size + 4;

    // A stored record is a 2-byte length, then the canonical record: version byte, then the subject.
    private const int SubjectAt = 3;
    private const int HeadSize = SubjectAt + SubjectPseudonym.Size;

    private readonly Digest _batch;
    private readonly byte[] _fences;
    private readonly int _stride;
    private readonly long _count;
    private readonly long _recordsLength;

    private ConsentFenceIndex(Digest batch, byte[] fences, int stride, long count, long recordsLength)
    {
        _batch = batch;
        _fences = fences;
        _stride = stride;
        _count = count;
        _recordsLength = recordsLength;
    }

    private int FenceCount => _fences.Length / FenceSize;

    /// <summary>
    /// The fences of a batch's stored form, checking as it walks that every length prefix fits and that
    /// the blob holds <paramref name="count"/> records: migration feeds it bytes read back from disk.
    /// </summary>
    public static byte[] Build(Digest batch, ReadOnlySpan<byte> records, long count, int stride = DefaultStride)
    {
        Guard.That(stride > 0, "a fence stride is positive");
        if (count < 0 || count > records.Length)
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"its count {count} does not fit its {records.Length} bytes of records"));
        }
        var fences = new byte[checked((int)FencesFor(count, stride) * FenceSize)];
        var at = 0;
        for (var i = 0L; i < count; i++)
        {
            var length = records.Length - at >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(records[at..]) : 0;
            if (length < HeadSize - 2 || records.Length - at - 2 < length)
            {
                throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"record {i} at byte {at} is cut short or too small to hold a subject"));
            }
            if (i % stride == 0)
            {
                var fence = fences.AsSpan((int)(i / stride) * FenceSize, FenceSize);
                records.Slice(at + SubjectAt, SubjectPseudonym.Size).CopyTo(fence);
                BinaryPrimitives.WriteUInt32BigEndian(fence[SubjectPseudonym.Size..], (uint)at);
            }
            at += 2 + length;
        }
        if (at != records.Length)
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"{records.Length - at} bytes follow its {count} records"));
        }
        return fences;
    }

    /// <summary>
    /// Reads stored fences, refusing any that could not have been built from a batch of <paramref name="count"/>
    /// records in <paramref name="recordsLength"/> bytes: a damaged index must fail loudly, not answer wrongly.
    /// </summary>
    public static ConsentFenceIndex Read(Digest batch, byte[] fences, long stride, long count, long recordsLength)
    {
        if (stride is < 1 or > int.MaxValue || count < 0 || recordsLength < 0)
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"stride {stride}, count {count} and {recordsLength} bytes of records do not describe a batch"));
        }
        if (fences.Length % FenceSize != 0 || fences.Length / FenceSize != FencesFor(count, stride))
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"{fences.Length} bytes of fences where {count} records every {stride} need {FencesFor(count, stride) * FenceSize}"));
        }
        var index = new ConsentFenceIndex(batch, fences, (int)stride, count, recordsLength);
        for (var i = 0; i < index.FenceCount; i++)
        {
            var offset = index.OffsetOf(i);
            var first = i == 0 ? offset == 0 : offset > index.OffsetOf(i - 1) && index.SubjectOf(i).SequenceCompareTo(index.SubjectOf(i - 1)) >= 0;
            if (!first || offset > recordsLength - HeadSize)
            {
                throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(batch, $"fence {i} (offset {offset}) is out of order or outside the {recordsLength} bytes of records"));
            }
        }
        return index;
    }

    /// <summary>
    /// Where <paramref name="subject"/>'s records can be: from the last fence before the subject (its
    /// records may begin before the first fence that names it) to the first fence past it.
    /// </summary>
    public ConsentFenceRange Locate(ReadOnlySpan<byte> subject)
    {
        Guard.That(subject.Length == SubjectPseudonym.Size, "a subject has 32 bytes");
        var firstAtOrAfter = Search(subject, inclusive: true);
        var firstAfter = Search(subject, inclusive: false);
        if (firstAfter == 0)
        {
            return default;
        }
        var from = Math.Max(0, firstAtOrAfter - 1);
        var end = firstAfter < FenceCount ? OffsetOf(firstAfter) : _recordsLength;
        var records = (firstAfter < FenceCount ? (long)firstAfter * _stride : _count) - ((long)from * _stride);
        return new ConsentFenceRange(from, firstAfter, OffsetOf(from), end, records);
    }

    private static long FencesFor(long count, long stride) => count == 0 ? 0 : ((count - 1) / stride) + 1;

    // The first fence whose subject is at or after (inclusive) or after (not inclusive) the subject.
    private int Search(ReadOnlySpan<byte> subject, bool inclusive)
    {
        int low = 0, high = FenceCount;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var c = SubjectOf(middle).SequenceCompareTo(subject);
            if (c < 0 || (c == 0 && !inclusive))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private ReadOnlySpan<byte> SubjectOf(int fence) => _fences.AsSpan(fence * FenceSize, SubjectPseudonym.Size);

    private long OffsetOf(int fence) => BinaryPrimitives.ReadUInt32BigEndian(_fences.AsSpan((fence * FenceSize) + SubjectPseudonym.Size));
}
