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

    private ConsentRecordBatch(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public int Count => _offsets.Length;

    /// <summary>The stored form: length-prefixed canonical records in order.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

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
    public static ConsentRecordBatch Of(IReadOnlyList<ConsentRecord> records)
    {
        var encoded = new byte[records.Count][];
        Parallel.For(0, records.Count, i => encoded[i] = ConsentRecordCodec.Encode(records[i]));
        Array.Sort(encoded, static (a, b) => a.AsSpan().SequenceCompareTo(b));
        var total = 0;
        var distinct = new List<byte[]>(encoded.Length);
        foreach (var record in encoded)
        {
            if (distinct.Count == 0 || !distinct[^1].AsSpan().SequenceEqual(record))
            {
                distinct.Add(record);
                total += 2 + record.Length;
            }
        }
        var bytes = new byte[total];
        var offsets = new int[distinct.Count];
        var at = 0;
        for (var i = 0; i < distinct.Count; i++)
        {
            offsets[i] = at;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)distinct[i].Length);
            distinct[i].CopyTo(bytes.AsSpan(at + 2));
            at += 2 + distinct[i].Length;
        }
        return new ConsentRecordBatch(bytes, offsets);
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
    public IReadOnlyList<byte[]> InclusionProof(int index) => BuildTree().InclusionProof(index, Count);

    private Digest ComputeRoot() => Digest.FromBytes(BuildTree().RootAt(Count));

    private MerkleTree BuildTree()
    {
        var leaves = new byte[Count * MerkleHash.Size];
        Parallel.For(0, (Count + 4095) / 4096, block =>
        {
            var end = Math.Min(Count, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                MerkleHash.Leaf(RecordBytes(i), leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        });
        var tree = new MerkleTree();
        for (var i = 0; i < Count; i++)
        {
            tree.AppendLeafHash(leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
        return tree;
    }
}
