using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LineageHub.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packing hybrid (Encodings.md "Run Length Encoding / Bit-Packing Hybrid", encoding 3), used for
/// levels, booleans and dictionary indices. Runs that claim more values than their bytes hold are cut at the end of
/// the data, so a lying header cannot make the decoder read out of bounds. A mutable ref struct: pass it by ref.
/// </summary>
internal ref struct RleBitPackedDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private readonly ulong _mask;
    private int _position;
    private int _rleRemaining;
    private int _rleValue;
    private int _packedStart;
    private int _packedIndex;
    private int _packedCount;

    public RleBitPackedDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE bit width {bitWidth} is out of range 0..32");
        }
        _data = data;
        _bitWidth = bitWidth;
        _mask = bitWidth == 32 ? uint.MaxValue : (1UL << bitWidth) - 1;
    }

    /// <summary>Fills <paramref name="dest"/> and returns how many values were decoded (fewer at the end of the data).</summary>
    public int Read(Span<int> dest)
    {
        var filled = 0;
        while (filled < dest.Length)
        {
            if (_rleRemaining > 0)
            {
                var n = Math.Min(_rleRemaining, dest.Length - filled);
                dest.Slice(filled, n).Fill(_rleValue);
                filled += n;
                _rleRemaining -= n;
                continue;
            }
            if (_packedIndex < _packedCount)
            {
                var n = Math.Min(_packedCount - _packedIndex, dest.Length - filled);
                Unpack(dest.Slice(filled, n));
                filled += n;
                continue;
            }
            if (!NextRun())
            {
                break;
            }
        }
        return filled;
    }

    private bool NextRun()
    {
        if (_position >= _data.Length)
        {
            return false;
        }
        var header = ReadVarint();
        if ((header & 1) == 0)
        {
            var count = header >> 1;
            var width = (_bitWidth + 7) / 8;
            if (_data.Length - _position < width)
            {
                throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE run value truncated at byte {_position}");
            }
            var v = 0u;
            for (var i = 0; i < width; i++)
            {
                v |= (uint)_data[_position + i] << (8 * i);
            }
            _position += width;
            if (_bitWidth < 32 && v > _mask)
            {
                throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE run value {v} does not fit {_bitWidth} bits");
            }
            _rleValue = (int)v;
            _rleRemaining = (int)Math.Min(count, int.MaxValue);
            return true;
        }
        var groups = header >> 1;
        var bytesDeclared = groups * (ulong)_bitWidth;
        var available = (ulong)(_data.Length - _position);
        var bytes = Math.Min(bytesDeclared, available);
        _packedStart = _position;
        _packedIndex = 0;
        _packedCount = _bitWidth == 0 ? (int)Math.Min(groups * 8, int.MaxValue) : (int)Math.Min(groups * 8, bytes * 8 / (ulong)_bitWidth);
        _position += (int)bytes;
        return _packedCount > 0 || _position < _data.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unpack(Span<int> dest)
    {
        var bw = _bitWidth;
        if (bw == 0)
        {
            dest.Clear();
            _packedIndex += dest.Length;
            return;
        }
        var run = _data.Slice(_packedStart, _position - _packedStart);
        var index = _packedIndex;
        var mask = _mask;
        for (var i = 0; i < dest.Length; i++, index++)
        {
            var bit = (long)index * bw;
            var byteIndex = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            ulong word;
            if (byteIndex + 8 <= run.Length)
            {
                word = BinaryPrimitives.ReadUInt64LittleEndian(run.Slice(byteIndex));
            }
            else
            {
                word = 0;
                for (var k = 0; byteIndex + k < run.Length && k < 8; k++)
                {
                    word |= (ulong)run[byteIndex + k] << (8 * k);
                }
            }
            // A 32-bit value at a shift of up to 7 needs 39 bits: one 64-bit word always holds it.
            dest[i] = (int)((word >> shift) & mask);
        }
        _packedIndex = index;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE run header truncated at byte {_position}");
            }
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE run header varint too long at byte {_position}");
    }
}
