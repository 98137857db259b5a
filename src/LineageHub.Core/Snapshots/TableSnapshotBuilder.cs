using System.Buffers;
using System.Buffers.Binary;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Snapshots;

/// <summary>
/// Builds a table snapshot from canonical rows given in snapshot order (schema/snapshot.md, "Table mode").
/// Rows are gathered into batches whose salts and leaf hashes are computed on worker threads; the caller's
/// thread then cuts content-defined chunks in row order and hands each chunk's tree to a worker, so the
/// reader, the row hashing and the chunk trees overlap. Not thread-safe: one caller adds rows.
/// </summary>
public sealed partial class TableSnapshotBuilder
{
    private const int BatchRows = 8192;

    private readonly TableSchema _schema;
    private readonly SnapshotSaltKey _salt;
    private readonly TableSnapshotOptions _options;
    private readonly Queue<RowBatch> _inFlight = new();
    private readonly Stack<RowBatch> _free = new();
    private readonly List<PendingChunk> _chunks = [];
    private readonly ByteBuffer _chunkLeaves = new(SnapshotFormat.MaxChunkRows * MerkleHash.Size / 8);
    private readonly int _maxInFlight;
    private RowBatch _current = new();
    private long _rowsAdded;
    private long _rowsCut;
    private long _chunkFirstRow;
    private byte[]? _chunkFirstKey;
    private byte[]? _chunkLastKey;
    private List<byte[]>? _chunkRowBytes;
    private Captured? _captured;
    private long? _proveRow;

    public TableSnapshotBuilder(TableSchema schema, SnapshotSaltKey salt, TableSnapshotOptions? options = null)
    {
        _schema = schema;
        _salt = salt;
        _options = options ?? new TableSnapshotOptions();
        _maxInFlight = Math.Max(2, 2 * _options.Parallelism);
        _proveRow = _options.ProveRow;
        if (_options.ChunkRows is not null)
        {
            _chunkRowBytes = [];
        }
    }

    /// <summary>Rows added so far.</summary>
    public long RowCount => _rowsAdded;

    /// <summary>Adds the next row: its canonical bytes and its key's encoding (empty without a key).</summary>
    public void Add(ReadOnlySpan<byte> row, ReadOnlySpan<byte> key)
    {
        _current.Add(row, key);
        _rowsAdded++;
        if (_current.Count == BatchRows || _current.DataLength > 8 << 20)
        {
            Submit();
        }
    }

    /// <summary>Asks for the inclusion proof of the row added next (when the caller finds it by key as it goes).</summary>
    public void ProveNextRow() => _proveRow = _rowsAdded;

    /// <summary>Hashes what is left and returns the snapshot.</summary>
    public TableSnapshot Complete()
    {
        Submit();
        while (_inFlight.Count > 0)
        {
            Cut(_inFlight.Dequeue());
        }
        if (_chunkLeaves.Length > 0)
        {
            CloseChunk();
        }
        var chunks = new SnapshotChunk[_chunks.Count];
        var top = new byte[(chunks.Length + 1) * MerkleHash.Size];
        MerkleHash.Leaf(_schema.Bytes, top.AsSpan(0, MerkleHash.Size));
        Span<byte> chunkLeaf = stackalloc byte[8 + MerkleHash.Size];
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = _chunks[i].Resolve();
            BinaryPrimitives.WriteUInt64BigEndian(chunkLeaf, (ulong)chunks[i].Rows);
            chunks[i].Root.Bytes.CopyTo(chunkLeaf[8..]);
            MerkleHash.Leaf(chunkLeaf, top.AsSpan((i + 1) * MerkleHash.Size, MerkleHash.Size));
        }
        var root = Digest.FromBytes(MerkleRoot.Compute(top));
        return new TableSnapshot(root, _schema, _rowsAdded, chunks, _salt.Id, _captured is null ? null : BuildProof(root, top, chunks));
    }

    private void Submit()
    {
        if (_current.Count == 0)
        {
            return;
        }
        var batch = _current;
        var hmac = _salt.Hmac;
        var keyed = _schema.KeySourceIndex >= 0;
        batch.Hashing = Task.Run(() => batch.Hash(hmac, keyed));
        _inFlight.Enqueue(batch);
        // Batches are reused: each holds a megabyte or more, and fresh ones would all be large-object-heap allocations.
        _current = _free.Count > 0 ? _free.Pop() : new RowBatch();
        while (_inFlight.Count > _maxInFlight)
        {
            Cut(_inFlight.Dequeue());
        }
    }

    // Chunk boundaries, in row order (schema/snapshot.md, "Chunks").
    private void Cut(RowBatch batch)
    {
        batch.Hashing!.GetAwaiter().GetResult();
        for (var i = 0; i < batch.Count; i++)
        {
            var rowIndex = _rowsCut++;
            if (_chunkLeaves.Length == 0)
            {
                _chunkFirstRow = rowIndex;
                _chunkFirstKey = batch.Key(i).ToArray();
            }
            _chunkLeaves.Append(batch.Leaf(i));
            _chunkRowBytes?.Add(batch.Row(i).ToArray());
            if (rowIndex == _proveRow)
            {
                _captured = new Captured(rowIndex, _chunks.Count, rowIndex - _chunkFirstRow, batch.Row(i).ToArray(), batch.Salt(i).ToArray());
            }
            var rows = _chunkLeaves.Length / MerkleHash.Size;
            if (rows >= SnapshotFormat.MaxChunkRows
                || (rows >= SnapshotFormat.MinChunkRows && BinaryPrimitives.ReadUInt32BigEndian(batch.Salt(i)) < SnapshotFormat.BoundaryThreshold))
            {
                _chunkLastKey = batch.Key(i).ToArray();
                CloseChunk();
            }
            else if (i == batch.Count - 1)
            {
                // The batch is about to be reused; keep the key a chunk may end on.
                _chunkLastKey = batch.Key(i).ToArray();
            }
        }
        batch.Reset();
        _free.Push(batch);
    }

    private static byte[] RootAndReturn(byte[] leaves, int length)
    {
        var root = MerkleRoot.ComputeInPlace(leaves.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(leaves);
        return root;
    }

    private void CloseChunk()
    {
        // Pooled: a chunk's leaves are over 85 KB, and a fresh array per chunk would mean gen-2 collections.
        var length = _chunkLeaves.Length;
        var leaves = ArrayPool<byte>.Shared.Rent(length);
        _chunkLeaves.Span.CopyTo(leaves);
        _chunkLeaves.Clear();
        var rows = length / MerkleHash.Size;
        string? first = _schema.KeySourceIndex >= 0 ? RowCodec.KeyText(_chunkFirstKey) : null;
        string? last = _schema.KeySourceIndex >= 0 ? RowCodec.KeyText(_chunkLastKey) : null;
        var pending = new PendingChunk(_chunkFirstRow, rows, first, last);
        if (_captured is { } c && c.Chunk == _chunks.Count)
        {
            c.ChunkLeaves = leaves.AsSpan(0, length).ToArray();
        }
        if (_chunkRowBytes is not null)
        {
            pending.Root = Task.FromResult(RootAndReturn(leaves, length));
            _options.ChunkRows!(pending.Resolve(), _chunkRowBytes);
            _chunkRowBytes = [];
        }
        else
        {
            pending.Root = Task.Run(() => RootAndReturn(leaves, length));
        }
        _chunks.Add(pending);
    }
}
