using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Encodings;

internal static partial class ValueDecoder
{
    /// <summary>
    /// RLE_DICTIONARY / PLAIN_DICTIONARY indices (Encodings.md "Dictionary Encoding"): one byte of bit width, then the
    /// hybrid. Each index is checked against the dictionary before its value is copied.
    /// </summary>
    public static void DictionaryIndices(ReadOnlySpan<byte> data, ValueStore dictionary, ValueStore store, int count, Span<int> scratch)
    {
        if (count == 0)
        {
            return;
        }
        if (data.Length < 1)
        {
            throw Truncated("dictionary index bit width", 0, count, 0);
        }
        var bitWidth = data[0];
        var decoder = new RleBitPackedDecoder(data.Slice(1), bitWidth);
        store.Reserve(count);
        var done = 0;
        var dictCount = (uint)dictionary.Count;
        while (done < count)
        {
            var chunk = scratch.Slice(0, Math.Min(scratch.Length, count - done));
            var n = decoder.Read(chunk);
            if (n < chunk.Length)
            {
                throw Truncated("dictionary indices", done + n, count, data.Length);
            }
            foreach (var index in chunk)
            {
                if ((uint)index >= dictCount)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Encoding}: dictionary index {index} is outside the dictionary of {dictCount} values");
                }
            }
            Gather(dictionary, store, chunk);
            done += n;
        }
    }

    private static void Gather(ValueStore dict, ValueStore store, ReadOnlySpan<int> indices)
    {
        var start = store.Count;
        switch (store.Type)
        {
            case PhysicalType.Boolean:
                Gather(dict.Bools, store.Bools.AsSpan(start), indices);
                break;
            case PhysicalType.Int32:
                Gather(dict.Ints, store.Ints.AsSpan(start), indices);
                break;
            case PhysicalType.Int64:
                Gather(dict.Longs, store.Longs.AsSpan(start), indices);
                break;
            case PhysicalType.Float:
                Gather(dict.Floats, store.Floats.AsSpan(start), indices);
                break;
            case PhysicalType.Double:
                Gather(dict.Doubles, store.Doubles.AsSpan(start), indices);
                break;
            case PhysicalType.ByteArray:
                var need = 0L;
                foreach (var i in indices)
                {
                    need += dict.Offsets[i + 1] - dict.Offsets[i];
                }
                store.EnsureBytes(store.ByteCount + need);
                var bytes = store.Bytes;
                var offsets = store.Offsets;
                var byteCount = store.ByteCount;
                var n = store.Count;
                var dictBytes = dict.Bytes;
                var dictOffsets = dict.Offsets;
                foreach (var i in indices)
                {
                    var s = dictOffsets[i];
                    var len = dictOffsets[i + 1] - s;
                    Buffer.BlockCopy(dictBytes, s, bytes, byteCount, len);
                    byteCount += len;
                    offsets[++n] = byteCount;
                }
                store.ByteCount = byteCount;
                store.Count = n;
                return;
            default:
                var w = store.FixedWidth;
                var dest = store.Bytes.AsSpan(start * w);
                for (var k = 0; k < indices.Length; k++)
                {
                    dict.Bytes.AsSpan(indices[k] * w, w).CopyTo(dest.Slice(k * w));
                }
                break;
        }
        store.Count += indices.Length;
    }

    private static void Gather<T>(T[] dict, Span<T> dest, ReadOnlySpan<int> indices)
    {
        for (var k = 0; k < indices.Length; k++)
        {
            dest[k] = dict[indices[k]];
        }
    }
}
