using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Snapshots;

public sealed partial class TableSnapshotBuilder
{
    private RowProof BuildProof(Digest root, byte[] top, SnapshotChunk[] chunks)
    {
        var c = _captured!;
        var values = RowCodec.Decode(c.Row, _schema.SortedNames.Count)!;
        static IReadOnlyList<string> Hex(IReadOnlyList<byte[]> path) => [.. path.Select(Convert.ToHexStringLower)];
        return new RowProof(
            SnapshotFormat.RowProofFormat,
            root.ToString(),
            Convert.ToHexStringLower(_schema.Bytes),
            Hex(MerkleRoot.InclusionPath(top, 0)),
            [.. values.Select((v, i) => new RowProofColumn(_schema.SortedNames[i], ((char)v.Tag).ToString(), v.Tag == ValueTag.Null ? null : v.Text))],
            Convert.ToHexStringLower(c.Salt),
            c.Index,
            c.Chunk,
            chunks.Length,
            chunks[c.Chunk].Rows,
            c.RowInChunk,
            Hex(MerkleRoot.InclusionPath(c.ChunkLeaves!, c.RowInChunk)),
            Hex(MerkleRoot.InclusionPath(top, c.Chunk + 1)));
    }

    private sealed class Captured(long row, int chunk, long rowInChunk, byte[] bytes, byte[] salt)
    {
        public long Index => row;

        public int Chunk => chunk;

        public long RowInChunk => rowInChunk;

        public byte[] Row => bytes;

        public byte[] Salt => salt;

        public byte[]? ChunkLeaves { get; set; }
    }

    private sealed class PendingChunk(long firstRow, long rows, string? firstKey, string? lastKey)
    {
        public Task<byte[]>? Root { get; set; }

        public SnapshotChunk Resolve() => new(firstRow, rows, Digest.FromBytes(Root!.GetAwaiter().GetResult()), firstKey, lastKey);
    }

    // Rows in one flat array with offsets; salts and leaf hashes filled on a worker thread.
    private sealed class RowBatch
    {
        private byte[] _data = new byte[1 << 20];
        private int[] _offsets = new int[BatchRows + 1];
        private int[] _keyStarts = new int[BatchRows];
        private int[] _keyLengths = new int[BatchRows];
        private byte[] _salts = [];
        private byte[] _leaves = [];

        public int Count { get; private set; }

        public int DataLength => _offsets[Count];

        public Task? Hashing { get; set; }

        public void Add(ReadOnlySpan<byte> row, ReadOnlySpan<byte> key)
        {
            var start = _offsets[Count];
            if (start + row.Length > _data.Length)
            {
                Array.Resize(ref _data, checked(Math.Max(_data.Length * 2, start + row.Length)));
            }
            row.CopyTo(_data.AsSpan(start));
            // The key is a slice of the row (its column's encoding), so only its place is kept.
            _keyStarts[Count] = key.IsEmpty ? start : start + (int)Offset(row, key);
            _keyLengths[Count] = key.Length;
            _offsets[++Count] = start + row.Length;
        }

        public void Reset()
        {
            Count = 0;
            Hashing = null;
        }

        public ReadOnlySpan<byte> Row(int i) => _data.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

        public ReadOnlySpan<byte> Key(int i) => _data.AsSpan(_keyStarts[i], _keyLengths[i]);

        public ReadOnlySpan<byte> Salt(int i) => _salts.AsSpan(i * MerkleHash.Size, MerkleHash.Size);

        public ReadOnlySpan<byte> Leaf(int i) => _leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size);

        // salt = HMAC(key, key value or row); leaf = SHA-256(0x00 ‖ salt ‖ row).
        public void Hash(SmallSha256.Hmac hmac, bool keyed)
        {
            if (_salts.Length < Count * MerkleHash.Size)
            {
                _salts = new byte[BatchRows * MerkleHash.Size];
                _leaves = new byte[BatchRows * MerkleHash.Size];
            }
            ReadOnlySpan<byte> leafPrefix = [0x00];
            for (var i = 0; i < Count; i++)
            {
                var salt = _salts.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
                hmac.Compute(keyed ? Key(i) : Row(i), salt);
                SmallSha256.Hash(leafPrefix, salt, Row(i), _leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        }

        private static unsafe long Offset(ReadOnlySpan<byte> row, ReadOnlySpan<byte> key)
        {
            fixed (byte* r = row, k = key)
            {
                var offset = k - r;
                Guard.That(offset >= 0 && offset + key.Length <= row.Length, "the key is a slice of its row");
                return offset;
            }
        }
    }
}
