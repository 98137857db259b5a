using System.Buffers.Binary;
using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Subjects;

namespace LineageHub.Storage.Sqlite;

// Reading one located stretch of records. The bytes come from disk and the fences were only checked
// against each other, so the scan also checks them against the records: every fence in the stretch
// must point at a record boundary holding its subject, the records must be in order and as many as
// the fences say, and the record right after must hold the next fence's subject. Only then is
// "no more records of this subject" a true answer.
internal sealed partial class ConsentFenceIndex
{
    /// <summary>How many bytes from <see cref="ConsentFenceRange.Start"/> to read for <paramref name="range"/>: the stretch and the head of the record after it.</summary>
    public int ReadLength(ConsentFenceRange range) =>
        checked((int)(range.End - range.Start + (range.EndFence < FenceCount ? HeadSize : 0)));

    /// <summary>The records of <paramref name="subject"/> in <paramref name="bytes"/>, read at <paramref name="range"/> (<see cref="ReadLength"/> bytes).</summary>
    public List<ConsentRecord> Scan(ConsentFenceRange range, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> subject)
    {
        Guard.That(bytes.Length == ReadLength(range), "the scan reads the bytes of its range");
        var found = new List<ConsentRecord>();
        var stretch = (int)(range.End - range.Start);
        var at = 0;
        var count = 0L;
        ReadOnlySpan<byte> previous = [];
        while (at < stretch)
        {
            if (count % _stride == 0)
            {
                CheckFence(range.FirstFence + (int)(count / _stride), bytes, at, range.Start);
            }
            var length = stretch - at >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) : 0;
            if (length < HeadSize - 2 || stretch - at - 2 < length)
            {
                throw Damaged($"the record at byte {range.Start + at} is cut short or runs past the next fence");
            }
            var record = bytes.Slice(at + 2, length);
            if (count > 0 && previous.SequenceCompareTo(record) >= 0)
            {
                throw Damaged($"the records at byte {range.Start + at} are out of order");
            }
            if (record.Slice(SubjectAt - 2, SubjectPseudonym.Size).SequenceEqual(subject))
            {
                found.Add(Decode(record, range.Start + at));
            }
            previous = record;
            at += 2 + length;
            count++;
        }
        if (count != range.Records)
        {
            throw Damaged($"bytes {range.Start} to {range.End} hold {count} records where the fences say {range.Records}");
        }
        if (range.EndFence < FenceCount)
        {
            CheckFence(range.EndFence, bytes, at, range.Start);
        }
        return found;
    }

    private void CheckFence(int fence, ReadOnlySpan<byte> bytes, int at, long start)
    {
        if (fence >= FenceCount || OffsetOf(fence) != start + at || bytes.Length - at < HeadSize
            || !bytes.Slice(at + SubjectAt, SubjectPseudonym.Size).SequenceEqual(SubjectOf(fence)))
        {
            throw Damaged($"fence {fence} does not name the record at byte {start + at}");
        }
    }

    private ConsentRecord Decode(ReadOnlySpan<byte> record, long offset)
    {
        try
        {
            return ConsentRecordCodec.Decode(record);
        }
        catch (LineageHubException ex) when (ex.Code == ErrorCode.InvalidInput)
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(_batch, $"the record at byte {offset}: {ex.Message}"), ex);
        }
    }

    private LineageHubException Damaged(string what) => LineageHubException.Corrupt(SqliteMessages.BadFenceIndex(_batch, what));
}
