using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LineageHub.Parquet.Encodings;

internal static class BitReader
{
    /// <summary>Reads <paramref name="width"/> (0..64) little-endian packed bits at <paramref name="bitOffset"/>; bits past the end read as zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> data, long bitOffset, int width)
    {
        if (width == 0)
        {
            return 0;
        }
        var byteIndex = (int)(bitOffset >> 3);
        var shift = (int)(bitOffset & 7);
        var low = Load(data, byteIndex) >> shift;
        if (shift + width > 64)
        {
            low |= Load(data, byteIndex + 8) << (64 - shift);
        }
        return width == 64 ? low : low & ((1UL << width) - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load(ReadOnlySpan<byte> data, int index)
    {
        if (index + 8 <= data.Length)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(index));
        }
        ulong word = 0;
        for (var k = 0; index + k < data.Length && k < 8; k++)
        {
            word |= (ulong)data[index + k] << (8 * k);
        }
        return word;
    }
}
