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
    public static ConsentRecordBatch Of(IReadOnlyList<ConsentRecord> records) => Of(records, out _);

    /// <summary>As <see cref="Of(IReadOnlyList{ConsentRecord})"/>, also saying which records repeated an earlier one (by index).</summary>
    public static ConsentRecordBatch Of(IReadOnlyList<ConsentRecord> records, out IReadOnlyList<(int First, int Repeat)> repeats)
    {
        var encoded = new byte[records.Count][];
        Parallel.For(0, records.Count, i => encoded[i] = ConsentRecordCodec.Encode(records[i]));
        var order = new int[encoded.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        // Ties sort by index, so the first of identical records is the one kept and named.
        Array.Sort(order, (a, b) => encoded[a].AsSpan().SequenceCompareTo(encoded[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var found = new List<(int, int)>();
        var distinct = new List<int>(order.Length);
        var total = 0;
        foreach (var index in order)
        {
            if (distinct.Count > 0 && encoded[distinct[^1]].AsSpan().SequenceEqual(encoded[index]))
            {
                found.Add((distinct[^1], index));
                continue;
            }
            distinct.Add(index);
            total += 2 + encoded[index].Length;
        }
        var bytes = new byte[total];
        var offsets = new int[distinct.Count];
        var at = 0;
        for (var i = 0; i < distinct.Count; i++)
        {
            var record = encoded[distinct[i]];
            offsets[i] = at;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)record.Length);
            record.CopyTo(bytes.AsSpan(at + 2));
            at += 2 + record.Length;
        }
        repeats = found;
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

    private Digest ComputeRoot() => Digest.FromBytes(MerkleRoot.ComputeInPlaceParallel(LeafHashes()));

    private MerkleTree BuildTree()
    {
        var leaves = LeafHashes();
        var tree = new MerkleTree();
        for (var i = 0; i < Count; i++)
        {
            tree.AppendLeafHash(leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
        return tree;
    }

    // Leaf hashes are independent, so they are computed in parallel blocks.
    private byte[] LeafHashes()
    {
        var leaves = new byte[Count * MerkleHash.Size];
        Parallel.For(0, (Count + 4095) / 4096, block =>
        {
            ReadOnlySpan<byte> prefix = [0x00];
            var end = Math.Min(Count, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                SmallSha256.Hash(prefix, RecordBytes(i), default, leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        });
        return leaves;
    }
}
