using System.Buffers;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Encodings;

internal static partial class ValueDecoder
{
    /// <summary>DELTA_BINARY_PACKED for INT32 and INT64 columns.</summary>
    public static void DeltaBinaryPacked(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        if (store.Type is not (PhysicalType.Int32 or PhysicalType.Int64))
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_BINARY_PACKED on a {store.Type} column");
        }
        var buffer = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            DeltaBinaryPackedDecoder.Decode(data, buffer.AsSpan(0, count), out var decoded);
            if (decoded < count)
            {
                throw Truncated("DELTA_BINARY_PACKED values", decoded, count, data.Length);
            }
            store.Reserve(count);
            if (store.Type == PhysicalType.Int64)
            {
                buffer.AsSpan(0, count).CopyTo(store.Longs.AsSpan(store.Count));
            }
            else
            {
                var dest = store.Ints.AsSpan(store.Count, count);
                for (var i = 0; i < count; i++)
                {
                    dest[i] = unchecked((int)buffer[i]);
                }
            }
            store.Count += count;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY (encoding 6): all lengths delta-packed, then all bytes concatenated.</summary>
    public static void DeltaLengthByteArray(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        RequireByteArray(store, "DELTA_LENGTH_BYTE_ARRAY");
        var lengths = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var pos = DeltaBinaryPackedDecoder.Decode(data, lengths.AsSpan(0, count), out var decoded);
            if (decoded < count)
            {
                throw Truncated("DELTA_LENGTH_BYTE_ARRAY lengths", decoded, count, pos);
            }
            var total = 0L;
            for (var i = 0; i < count; i++)
            {
                if (lengths[i] < 0)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_LENGTH_BYTE_ARRAY value {i} has negative length {lengths[i]}");
                }
                total += lengths[i];
            }
            if (total > data.Length - pos)
            {
                throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_LENGTH_BYTE_ARRAY lengths add up to {total} bytes, {data.Length - pos} remain");
            }
            store.Reserve(count, (int)total);
            for (var i = 0; i < count; i++)
            {
                store.AppendBytes(data.Slice(pos, (int)lengths[i]));
                pos += (int)lengths[i];
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }

    /// <summary>DELTA_BYTE_ARRAY (encoding 7): prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; each value extends the previous one's prefix.</summary>
    public static void DeltaByteArray(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        if (store.Type is not (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray))
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_BYTE_ARRAY on a {store.Type} column");
        }
        var prefixes = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var suffixes = new ValueStore(PhysicalType.ByteArray, 0);
        try
        {
            var pos = DeltaBinaryPackedDecoder.Decode(data, prefixes.AsSpan(0, count), out var decoded);
            if (decoded < count)
            {
                throw Truncated("DELTA_BYTE_ARRAY prefix lengths", decoded, count, pos);
            }
            DeltaLengthByteArray(data.Slice(pos), suffixes, count);
            var previous = Array.Empty<byte>();
            var previousLength = 0;
            store.Reserve(count);
            var scratch = new byte[64];
            for (var i = 0; i < count; i++)
            {
                var prefix = prefixes[i];
                if (prefix < 0 || prefix > previousLength)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_BYTE_ARRAY value {i} takes a prefix of {prefix} bytes from a value of {previousLength}");
                }
                var suffix = suffixes.GetBytes(i);
                var length = (int)prefix + suffix.Length;
                if (scratch.Length < length)
                {
                    Array.Resize(ref scratch, Math.Max(length, scratch.Length * 2));
                }
                previous.AsSpan(0, (int)prefix).CopyTo(scratch);
                suffix.CopyTo(scratch.AsSpan((int)prefix));
                var value = scratch.AsSpan(0, length);
                if (store.Type == PhysicalType.ByteArray)
                {
                    store.AppendBytes(value);
                }
                else
                {
                    if (length != store.FixedWidth)
                    {
                        throw new ParquetFormatException($"{ParquetErrors.Encoding}: DELTA_BYTE_ARRAY value {i} has {length} bytes in a FIXED_LEN_BYTE_ARRAY({store.FixedWidth}) column");
                    }
                    value.CopyTo(store.Bytes.AsSpan(store.Count * store.FixedWidth));
                    store.Count++;
                }
                // Swap buffers: the value just written becomes the source of the next prefix.
                (previous, scratch) = (scratch, previous.Length >= 64 ? previous : new byte[64]);
                previousLength = length;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
        }
    }

    /// <summary>BYTE_STREAM_SPLIT (encoding 9): byte k of every value is stored in stream k.</summary>
    public static void ByteStreamSplit(ReadOnlySpan<byte> data, ValueStore store, int count)
    {
        var width = store.Type switch
        {
            PhysicalType.Float or PhysicalType.Int32 => 4,
            PhysicalType.Double or PhysicalType.Int64 => 8,
            PhysicalType.FixedLenByteArray => store.FixedWidth,
            _ => throw new ParquetFormatException($"{ParquetErrors.Encoding}: BYTE_STREAM_SPLIT on a {store.Type} column"),
        };
        var total = (long)count * width;
        if (total > data.Length)
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: {count} BYTE_STREAM_SPLIT values need {total} bytes, the page holds {data.Length}");
        }
        // Streams are N values long, N being the page's value count; the page may carry exactly that.
        var stride = count;
        var joined = ArrayPool<byte>.Shared.Rent((int)Math.Max(total, 1));
        try
        {
            for (var i = 0; i < count; i++)
            {
                for (var k = 0; k < width; k++)
                {
                    joined[(i * width) + k] = data[(k * stride) + i];
                }
            }
            var plain = joined.AsSpan(0, (int)total);
            Plain(plain, store, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    private static void RequireByteArray(ValueStore store, string encoding)
    {
        if (store.Type != PhysicalType.ByteArray)
        {
            throw new ParquetFormatException($"{ParquetErrors.Encoding}: {encoding} on a {store.Type} column");
        }
    }
}
