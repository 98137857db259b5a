namespace LineageHub.Core.Merkle;

/// <summary>A growable, flat array of 32-byte hashes: one allocation per doubling, not one per hash.</summary>
internal sealed class HashColumn
{
    private byte[] _buffer = new byte[MerkleHash.Size * 16];

    public long Count { get; private set; }

    public ReadOnlySpan<byte> this[long index] => _buffer.AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size);

    public void Truncate(long count) => Count = Math.Min(Count, count);

    public void Add(ReadOnlySpan<byte> hash)
    {
        var offset = checked((int)(Count * MerkleHash.Size));
        if (offset + MerkleHash.Size > _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(Math.Max(_buffer.Length * 2, offset + MerkleHash.Size)));
        }
        hash.CopyTo(_buffer.AsSpan(offset));
        Count++;
    }
}
