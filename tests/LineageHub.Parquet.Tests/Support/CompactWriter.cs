using System.Text;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>A minimal Thrift compact protocol writer, for hand-built metadata in tests.</summary>
public sealed class CompactWriter
{
    private readonly List<byte> _bytes = [];
    private readonly Stack<short> _lastIds = new();
    private short _lastId;

    public byte[] ToArray() => [.. _bytes];

    public CompactWriter BeginStruct(short id)
    {
        Header(id, 12);
        _lastIds.Push(_lastId);
        _lastId = 0;
        return this;
    }

    public CompactWriter BeginStructElement()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
        return this;
    }

    public CompactWriter End()
    {
        _bytes.Add(0);
        _lastId = _lastIds.Count > 0 ? _lastIds.Pop() : (short)0;
        return this;
    }

    public CompactWriter I32(short id, int value)
    {
        Header(id, 5);
        Varint((uint)((value << 1) ^ (value >> 31)));
        return this;
    }

    public CompactWriter I64(short id, long value)
    {
        Header(id, 6);
        Varint((ulong)((value << 1) ^ (value >> 63)));
        return this;
    }

    public CompactWriter String(short id, string value)
    {
        Header(id, 8);
        var bytes = Encoding.UTF8.GetBytes(value);
        Varint((ulong)bytes.Length);
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>Starts a list field; follow with elements (structs via <see cref="BeginStructElement"/>).</summary>
    public CompactWriter List(short id, byte elementType, int count)
    {
        Header(id, 9);
        if (count < 15)
        {
            _bytes.Add((byte)((count << 4) | elementType));
        }
        else
        {
            _bytes.Add((byte)(0xF0 | elementType));
            Varint((ulong)count);
        }
        return this;
    }

    public CompactWriter ListI32(int value)
    {
        Varint((uint)((value << 1) ^ (value >> 31)));
        return this;
    }

    public CompactWriter ListString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Varint((ulong)bytes.Length);
        _bytes.AddRange(bytes);
        return this;
    }

    private void Header(short id, byte type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            _bytes.Add((byte)((delta << 4) | type));
        }
        else
        {
            _bytes.Add(type);
            Varint((ushort)((id << 1) ^ (id >> 15)));
        }
        _lastId = id;
    }

    private void Varint(ulong v)
    {
        while (v >= 0x80)
        {
            _bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        _bytes.Add((byte)v);
    }
}
