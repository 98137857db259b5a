using System.Buffers.Binary;
using LineageHub.Parquet.Encodings;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Pages;

/// <summary>Decodes repetition or definition levels (Encodings.md: RLE for v1 with a length prefix, bare RLE in v2, deprecated BIT_PACKED).</summary>
internal static class LevelDecoder
{
    /// <summary>Decodes a v1 level section into <paramref name="dest"/>; returns the bytes consumed.</summary>
    public static int DecodeV1(ReadOnlySpan<byte> data, ParquetEncoding encoding, int maxLevel, Span<int> dest, string what)
    {
        var bitWidth = BitWidth.For(maxLevel);
        switch (encoding)
        {
            case ParquetEncoding.Rle:
                if (data.Length < 4)
                {
                    throw Fail(what, $"length prefix needs 4 bytes, {data.Length} remain");
                }
                var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                if ((uint)length > (uint)(data.Length - 4))
                {
                    throw Fail(what, $"declare {length} bytes, {data.Length - 4} remain in the page");
                }
                DecodeRle(data.Slice(4, length), bitWidth, maxLevel, dest, what);
                return 4 + length;
            case ParquetEncoding.BitPacked:
                // Deprecated BIT_PACKED packs levels from the most significant bit first.
                var bytes = (int)(((long)dest.Length * bitWidth + 7) / 8);
                if (bytes > data.Length)
                {
                    throw Fail(what, $"BIT_PACKED needs {bytes} bytes, {data.Length} remain");
                }
                for (var i = 0; i < dest.Length; i++)
                {
                    var v = 0;
                    for (var b = 0; b < bitWidth; b++)
                    {
                        var bit = ((long)i * bitWidth) + b;
                        v = (v << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
                    }
                    dest[i] = Check(v, maxLevel, i, what);
                }
                return bytes;
            default:
                throw new ParquetUnsupportedException($"{ParquetErrors.UnsupportedEncoding}: {encoding} for {what}");
        }
    }

    public static void DecodeRle(ReadOnlySpan<byte> data, int bitWidth, int maxLevel, Span<int> dest, string what)
    {
        var decoder = new RleBitPackedDecoder(data, bitWidth);
        var n = decoder.Read(dest);
        if (n < dest.Length)
        {
            throw Fail(what, $"hold {n} levels, the page declares {dest.Length}");
        }
        // Levels index the schema: one above the maximum would address a level that does not exist.
        foreach (var v in dest)
        {
            if ((uint)v > (uint)maxLevel)
            {
                throw Fail(what, $"level {v} exceeds the maximum {maxLevel}");
            }
        }
    }

    private static int Check(int v, int maxLevel, int i, string what) =>
        v <= maxLevel ? v : throw Fail(what, $"level {v} at {i} exceeds the maximum {maxLevel}");

    private static ParquetFormatException Fail(string what, string detail) =>
        new($"{ParquetErrors.Levels}: {what} {detail}");
}
