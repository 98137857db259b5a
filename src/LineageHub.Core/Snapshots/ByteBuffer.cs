namespace LineageHub.Core.Snapshots;

/// <summary>A growable byte buffer reused across rows, so encoding a row allocates nothing once warm.</summary>
public sealed class ByteBuffer
{
    private byte[] _bytes;

    public ByteBuffer(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public byte[] Array => _bytes;

    public void Clear() => Length = 0;

    public void Append(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void AppendRepeated(byte value, int count)
    {
        Ensure(count);
        _bytes.AsSpan(Length, count).Fill(value);
        Length += count;
    }

    public void AppendUInt32BigEndian(uint value)
    {
        Ensure(4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>Room for <paramref name="count"/> more bytes: a span to write into, committed with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int count)
    {
        Ensure(count);
        return _bytes.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            System.Array.Resize(ref _bytes, checked(Math.Max(_bytes.Length * 2, Length + more)));
        }
    }
}
