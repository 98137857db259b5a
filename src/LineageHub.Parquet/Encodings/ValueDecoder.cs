using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Encodings;

/// <summary>
/// Decodes the values section of a data or dictionary page into a <see cref="ValueStore"/>, one encoding per
/// partial file. Every decoder checks that the page holds the bytes the values need before copying.
/// </summary>
internal static partial class ValueDecoder
{
    /// <summary>PLAIN (Encodings.md, encoding 0): little-endian fixed widths, bit-packed booleans, length-prefixed byte arrays.</summary>
    public static void Plain(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        if (store.Type == PhysicalType.ByteArray)
        {
            PlainByteArray(data, store, count);
            return;
        }
        // Check the page holds the values before reserving room for them: the count may be a lie.
        var width = store.Type switch
        {
            PhysicalType.Boolean => 0,
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            _ => store.FixedWidth,
        };
        Need(data, width == 0 ? (count + 7L) / 8 : (long)count * width, count, store.Type.ToString().ToUpperInvariant());
        store.Reserve(count);
        var start = store.Count;
        switch (store.Type)
        {
            case PhysicalType.Boolean:
                var bools = store.Bools.AsSpan(start, count);
                for (var i = 0; i < count; i++)
                {
                    bools[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
                }
                break;
            case PhysicalType.Int32:
                MemoryMarshal.Cast<byte, int>(data.Slice(0, count * 4)).CopyTo(store.Ints.AsSpan(start));
                break;
            case PhysicalType.Int64:
                MemoryMarshal.Cast<byte, long>(data.Slice(0, count * 8)).CopyTo(store.Longs.AsSpan(start));
                break;
            case PhysicalType.Float:
                MemoryMarshal.Cast<byte, float>(data.Slice(0, count * 4)).CopyTo(store.Floats.AsSpan(start));
                break;
            case PhysicalType.Double:
                MemoryMarshal.Cast<byte, double>(data.Slice(0, count * 8)).CopyTo(store.Doubles.AsSpan(start));
                break;
            default:
                data.Slice(0, count * width).CopyTo(store.Bytes.AsSpan(start * width));
                break;
        }
        store.Count += count;
    }

    private static void PlainByteArray(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        // Every value has a 4-byte length, and the page's bytes bound the total: one checked reservation covers all.
        Need(data, count * 4L, count, "BYTE_ARRAY");
        store.Reserve(count, data.Length);
        var pos = 0;
        var bytes = store.Bytes;
        var offsets = store.Offsets;
        var byteCount = store.ByteCount;
        var n = store.Count;
        for (var i = 0; i < count; i++)
        {
            if (data.Length - pos < 4)
            {
                throw Truncated("BYTE_ARRAY length", i, count, pos);
            }
            var length = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(pos));
            pos += 4;
            if ((uint)length > (uint)(data.Length - pos))
            {
                throw new ParquetFormatException($"{ParquetErrors.Encoding}: BYTE_ARRAY value {i} declares {length} bytes, {data.Length - pos} remain in the page");
            }
            data.Slice(pos, length).CopyTo(bytes.AsSpan(byteCount));
            pos += length;
            byteCount += length;
            offsets[++n] = byteCount;
        }
        store.Count = n;
        store.ByteCount = byteCount;
    }

    /// <summary>Booleans in RLE (encoding 3, data page v2): a 4-byte length then the hybrid at bit width 1.</summary>
    public static void RleBoolean(ReadOnlySpan<byte> data, ValueStore store, int count, Span<int> scratch)
    {
        if (data.Length < 4)
        {
            throw Truncated("RLE boolean length", 0, count, 0);
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if ((uint)length > (uint)(data.Length - 4))
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: RLE booleans declare {length} bytes, {data.Length - 4} remain");
        }
        var decoder = new RleBitPackedDecoder(data.Slice(4, length), 1);
        store.Reserve(count);
        var done = 0;
        while (done < count)
        {
            var chunk = scratch.Slice(0, Math.Min(scratch.Length, count - done));
            var n = decoder.Read(chunk);
            if (n < chunk.Length)
            {
                throw Truncated("RLE booleans", done + n, count, length);
            }
            var dest = store.Bools.AsSpan(store.Count + done);
            for (var i = 0; i < n; i++)
            {
                dest[i] = chunk[i] != 0;
            }
            done += n;
        }
        store.Count += count;
    }

    internal static void Need(ReadOnlySpan<byte> data, long bytes, int count, string type)
    {
        if (bytes > data.Length)
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: {count} PLAIN {type} values need {bytes} bytes, the page holds {data.Length}");
        }
    }

    internal static ParquetFormatException Truncated(string what, int index, int count, int position) =>
        new($"{ParquetErrors.Encoding}: {what} ran out at value {index} of {count} (byte {position})");
}
