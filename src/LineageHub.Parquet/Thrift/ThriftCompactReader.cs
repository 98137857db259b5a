namespace LineageHub.Parquet.Thrift;

/// <summary>
/// Reads the Thrift compact protocol from untrusted bytes. Every varint stops at the end of the input and at
/// its maximum width, every length is checked against what remains, and struct nesting is capped, so corrupt
/// metadata ends in a <see cref="ParquetFormatException"/> rather than a hang, an overflow or a huge allocation.
/// A mutable ref struct: pass it by ref.
/// </summary>
internal ref partial struct ThriftCompactReader
{
    /// <summary>Parquet metadata nests a handful of structs deep; anything deeper is an attack or corruption.</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;
    private bool? _pendingBool;

    public ThriftCompactReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public void EnterStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"structs nested deeper than {MaxDepth}");
        }
    }

    public void ExitStruct() => _depth--;

    /// <summary>Reads a field header; returns false at the struct's STOP byte.</summary>
    public bool ReadFieldHeader(ref short lastId, out ThriftType type, out short id)
    {
        var b = ReadByte();
        type = (ThriftType)(b & 0x0F);
        if (type == ThriftType.Stop)
        {
            id = 0;
            return false;
        }
        if (type > ThriftType.Struct)
        {
            throw Error($"unknown field type {(int)type}");
        }
        var delta = b >> 4;
        id = delta != 0 ? (short)(lastId + delta) : (short)ZigZag32(ReadVarint32());
        lastId = id;
        _pendingBool = type switch
        {
            ThriftType.BoolTrue => true,
            ThriftType.BoolFalse => false,
            _ => null,
        };
        return true;
    }

    public bool ReadBool()
    {
        if (_pendingBool is { } v)
        {
            _pendingBool = null;
            return v;
        }
        // Booleans inside lists take one byte each: 1 is true; writers disagree on 0 or 2 for false.
        return ReadByte() == 1;
    }

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Error("unexpected end of metadata");
        }
        return _data[_position++];
    }

    public int ReadI32() => ZigZag32(ReadVarint32());

    public short ReadI16()
    {
        var v = ReadI32();
        if (v is < short.MinValue or > short.MaxValue)
        {
            throw Error($"i16 out of range: {v}");
        }
        return (short)v;
    }

    public long ReadI64()
    {
        var raw = ReadVarint64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public double ReadDouble()
    {
        var span = Take(8);
        return BitConverter.ToDouble(span);
    }

    public ReadOnlySpan<byte> ReadBinarySpan()
    {
        var length = ReadVarint32();
        if (length > (uint)Remaining)
        {
            throw Error($"binary length {length} exceeds the {Remaining} bytes remaining");
        }
        return Take((int)length);
    }

    public byte[] ReadBinary() => ReadBinarySpan().ToArray();

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBinarySpan());

    /// <summary>Reads a list header; the size is capped by the bytes remaining, as every element takes at least one.</summary>
    public int ReadListHeader(out ThriftType elementType)
    {
        var b = ReadByte();
        elementType = (ThriftType)(b & 0x0F);
        var size = (uint)(b >> 4);
        if (size == 15)
        {
            size = ReadVarint32();
        }
        if (size > (uint)Remaining)
        {
            throw Error($"list of {size} elements exceeds the {Remaining} bytes remaining");
        }
        return (int)size;
    }

    public uint ReadVarint32()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw Error("varint longer than 5 bytes");
    }

    public ulong ReadVarint64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw Error("varint longer than 10 bytes");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Error($"need {count} bytes, {Remaining} remain");
        }
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private static int ZigZag32(uint raw) => (int)(raw >> 1) ^ -(int)(raw & 1);

    public readonly ParquetFormatException Error(string detail) =>
        new($"{ParquetErrors.Thrift}: {detail} at metadata offset {_position}");
}
