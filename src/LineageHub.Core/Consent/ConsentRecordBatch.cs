using System.Buffers.Binary;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Consent;

/// <summary>
/// The records of one import, in their canonical encoding, sorted by those bytes (so by subject first)
/// without repeats; leaf <c>i</c> of its RFC 9162 tree is record <c>i</c>'s bytes. The stored form is the
/// records, each after a 2-byte big-endian length (schema/consent.md, "Consent batches").
/// </summary>
public sealed class ConsentRecordBatch
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;
    private Digest? _root;
    private MerkleLevels? _levels;

    private ConsentRecordBatch(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public int Count => _offsets.Length;

    /// <summary>The stored form: length-prefixed canonical records in order.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    // The stored form's own array, for a bundle built from a batch nothing else holds: no copy of tens of megabytes.
    internal byte[] BytesArray => _bytes;

    public Digest Root => _root ??= ComputeRoot();

    /// <summary>The canonical bytes of record <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> RecordBytes(int index)
    {
        var at = _offsets[index];
        return _bytes.AsSpan(at + 2, BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(at)));
    }

    public ConsentRecord Record(int index) => ConsentRecordCodec.Decode(RecordBytes(index));

    public IEnumerable<ConsentRecord> Records()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Record(i);
        }
    }

    /// <summary>A batch of the given records in any order; identical records collapse into one.</summary>
    public static ConsentRecordBatch Of(IReadOnlyList<ConsentRecord> records) => Of(records, out _);

    /// <summary>As <see cref="Of(IReadOnlyList{ConsentRecord})"/>, also saying which records repeated an earlier one (by index).</summary>
    public static ConsentRecordBatch Of(IReadOnlyList<ConsentRecord> records, out IReadOnlyList<(int First, int Repeat)> repeats)
    {
        // All records are encoded into one buffer (no array per record), then sorted by a key holding the
        // subject's words: the subject is bytes 1..33 of the encoding, after a version byte every record
        // shares, so only records of one subject are compared in the buffer.
        var starts = new int[records.Count + 1];
        for (var i = 0; i < records.Count; i++)
        {
            starts[i + 1] = checked(starts[i] + ConsentRecordCodec.SizeOf(records[i]));
        }
        var encoded = new byte[starts[^1]];
        var keys = new RecordKey[records.Count];
        Parallel.For(0, (records.Count + 4095) / 4096, block =>
        {
            var end = Math.Min(records.Count, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                ConsentRecordCodec.Write(records[i], encoded.AsSpan(starts[i], starts[i + 1] - starts[i]));
                keys[i] = RecordKey.Of(EncodedRecord(encoded, starts, i), i);
            }
        });
        // Ties sort by index, so the first of identical records is the one kept and named.
        SortCanonically(keys, encoded, starts);
        var found = new List<(int, int)>();
        var distinct = new List<int>(keys.Length);
        var offsets = new List<int>(keys.Length);
        var total = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var index = keys[k].Index;
            // Identical records sort next to each other, and only records of one subject can be identical.
            if (distinct.Count > 0 && keys[k].SameSubject(keys[k - 1])
                && EncodedRecord(encoded, starts, distinct[^1]).SequenceEqual(EncodedRecord(encoded, starts, index)))
            {
                found.Add((distinct[^1], index));
                continue;
            }
            distinct.Add(index);
            offsets.Add(total);
            total += 2 + (starts[index + 1] - starts[index]);
        }
        // The records are gathered in sorted order, a block per task: the reads jump about the buffer.
        var bytes = new byte[total];
        Parallel.For(0, (distinct.Count + 4095) / 4096, block =>
        {
            var end = Math.Min(distinct.Count, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                var record = EncodedRecord(encoded, starts, distinct[i]);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offsets[i]), (ushort)record.Length);
                record.CopyTo(bytes.AsSpan(offsets[i] + 2));
            }
        });
        repeats = found;
        var batch = new ConsentRecordBatch(bytes, [.. offsets]);
        batch._root = RootOfNew(batch);
        return batch;
    }

    /// <summary>
    /// The root <see cref="Root"/> would compute, on both cores and the native short-message SHA-256: an import
    /// needs it at once, and the tree it would build is only needed for proofs. Chunks of 2^14 leaves are
    /// complete aligned subtrees (the last one the tree of its leaves), so the tree over their roots has
    /// the same root as the tree over all leaves (RFC 9162 §2.1.1, as <see cref="MerkleRoot"/> pairs them).
    /// </summary>
    private static Digest RootOfNew(ConsentRecordBatch batch)
    {
        const int chunk = 1 << 14;
        if (batch.Count == 0)
        {
            return Digest.FromBytes(MerkleHash.Empty);
        }
        var leaves = new byte[batch.Count * MerkleHash.Size];
        var chunks = (batch.Count + chunk - 1) / chunk;
        var roots = new byte[chunks * MerkleHash.Size];
        Parallel.For(0, chunks, c =>
        {
            ReadOnlySpan<byte> leafPrefix = [0x00];
            var start = c * chunk;
            var end = Math.Min(batch.Count, start + chunk);
            for (var i = start; i < end; i++)
            {
                SmallSha256.Hash(leafPrefix, batch.RecordBytes(i), default, leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
            MerkleRoot.ComputeInPlace(leaves.AsSpan(start * MerkleHash.Size, (end - start) * MerkleHash.Size)).CopyTo(roots.AsSpan(c * MerkleHash.Size));
        });
        return Digest.FromBytes(MerkleRoot.ComputeInPlace(roots));
    }

    private static ReadOnlySpan<byte> EncodedRecord(byte[] encoded, int[] starts, int index) =>
        encoded.AsSpan(starts[index], starts[index + 1] - starts[index]);

    // The subject's bytes as four big-endian words, which compare as the bytes do, then the record's index.
    // IComparable on a struct lets Span.Sort specialise and inline the comparison.
    private readonly record struct RecordKey(ulong W0, ulong W1, ulong W2, ulong W3, int Index) : IComparable<RecordKey>
    {
        public static RecordKey Of(ReadOnlySpan<byte> record, int index) => new(
            BinaryPrimitives.ReadUInt64BigEndian(record[1..]),
            BinaryPrimitives.ReadUInt64BigEndian(record[9..]),
            BinaryPrimitives.ReadUInt64BigEndian(record[17..]),
            BinaryPrimitives.ReadUInt64BigEndian(record[25..]),
            index);

        public bool SameSubject(RecordKey other) => W0 == other.W0 && W1 == other.W1 && W2 == other.W2 && W3 == other.W3;

        public int CompareTo(RecordKey other) =>
            W0 != other.W0 ? W0.CompareTo(other.W0)
            : W1 != other.W1 ? W1.CompareTo(other.W1)
            : W2 != other.W2 ? W2.CompareTo(other.W2)
            : W3 != other.W3 ? W3.CompareTo(other.W3)
            : Index.CompareTo(other.Index);
    }

    // Sorts by subject, then puts each subject's records in byte order, ties by index: the canonical order,
    // in which the first of identical records comes first. Runs of one subject are few and short.
    private static void SortCanonically(RecordKey[] keys, byte[] encoded, int[] starts)
    {
        keys.AsSpan().Sort();
        for (var from = 0; from < keys.Length;)
        {
            var to = from + 1;
            while (to < keys.Length && keys[to].SameSubject(keys[from]))
            {
                to++;
            }
            if (to - from > 1)
            {
                keys.AsSpan(from, to - from).Sort((x, y) =>
                    EncodedRecord(encoded, starts, x.Index).SequenceCompareTo(EncodedRecord(encoded, starts, y.Index)) is var c && c != 0 ? c : x.Index.CompareTo(y.Index));
            }
            from = to;
        }
    }

    /// <summary>Reads the stored form, refusing anything malformed or out of order, as a verifier must.</summary>
    public static ConsentRecordBatch FromBytes(byte[] bytes)
    {
        var offsets = new List<int>();
        var at = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < 2)
            {
                throw LineageHubException.InvalidInput(ConsentMessages.BadBatchBytes(at));
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
            if (length == 0 || bytes.Length - at - 2 < length)
            {
                throw LineageHubException.InvalidInput(ConsentMessages.BadBatchBytes(at));
            }
            if (offsets.Count > 0)
            {
                var previous = offsets[^1];
                var before = bytes.AsSpan(previous + 2, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(previous)));
                if (before.SequenceCompareTo(bytes.AsSpan(at + 2, length)) >= 0)
                {
                    throw LineageHubException.InvalidInput(ConsentMessages.BatchNotSorted(offsets.Count));
                }
            }
            offsets.Add(at);
            at += 2 + length;
        }
        return new ConsentRecordBatch(bytes, [.. offsets]);
    }

    /// <summary>An inclusion path of record <paramref name="index"/>, leaf to root.</summary>
    public Digest[] InclusionProof(int index) => (_levels ??= MerkleLevels.Build(Count, new RecordLeaves(this))).Path(index);

    private Digest ComputeRoot() => Digest.FromBytes(MerkleRoot.ComputeParallel(Count, new RecordLeaves(this)));

    // Leaf i is SHA-256(0x00 ‖ record i's canonical bytes).
    private readonly struct RecordLeaves(ConsentRecordBatch batch) : ILeafHashSource
    {
        public void HashLeaf(int index, Span<byte> destination) => SmallSha256.Hash([0x00], batch.RecordBytes(index), default, destination);
    }
}
