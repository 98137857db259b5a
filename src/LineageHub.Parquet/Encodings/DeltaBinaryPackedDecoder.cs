namespace LineageHub.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED (Encodings.md, encoding 5): a header (block size, miniblocks per block, value count, first
/// value) then blocks of a min delta and bit-packed miniblocks. Arithmetic wraps as the spec requires.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Decodes up to <paramref name="dest"/>.Length values; returns the byte length consumed and the count decoded.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> dest, out int decoded)
    {
        var pos = 0;
        var blockSize = ReadUVarint(data, ref pos);
        var miniblocks = ReadUVarint(data, ref pos);
        var total = ReadUVarint(data, ref pos);
        var first = ReadZigZag(data, ref pos);
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20 || miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
        {
            throw Fail($"header has block size {blockSize} with {miniblocks} miniblocks", pos);
        }
        var perMini = (int)(blockSize / miniblocks);
        var want = (int)Math.Min(total, (ulong)dest.Length);
        decoded = 0;
        if (total == 0)
        {
            return pos;
        }
        if (want == 0)
        {
            // Still walk nothing further: callers that need the end position ask for every value.
            return pos;
        }
        dest[decoded++] = first;
        var last = first;
        var remainingInStream = total - 1;
        Span<byte> widths = stackalloc byte[(int)Math.Min(miniblocks, 1024)];
        if (miniblocks > 1024)
        {
            throw Fail($"{miniblocks} miniblocks per block", pos);
        }
        while (remainingInStream > 0)
        {
            var minDelta = ReadZigZag(data, ref pos);
            if (data.Length - pos < (int)miniblocks)
            {
                throw Fail("block header truncated", pos);
            }
            data.Slice(pos, (int)miniblocks).CopyTo(widths);
            pos += (int)miniblocks;
            for (var m = 0; m < (int)miniblocks && remainingInStream > 0; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    throw Fail($"miniblock bit width {width}", pos);
                }
                var bytes = perMini * width / 8;
                var available = Math.Min(bytes, data.Length - pos);
                var inMini = (int)Math.Min((ulong)perMini, remainingInStream);
                if (width > 0 && (long)inMini * width > (long)available * 8)
                {
                    throw Fail($"miniblock of {inMini} values at {width} bits needs more than the {available} bytes left", pos);
                }
                var mini = data.Slice(pos, available);
                for (var i = 0; i < inMini; i++)
                {
                    var delta = BitReader.Read(mini, (long)i * width, width);
                    unchecked
                    {
                        last = last + minDelta + (long)delta;
                    }
                    if (decoded < want)
                    {
                        dest[decoded++] = last;
                    }
                }
                pos += available;
                remainingInStream -= (ulong)inMini;
            }
        }
        return pos;
    }

    private static ulong ReadUVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw Fail("varint truncated", pos);
            }
            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw Fail("varint too long", pos);
    }

    private static long ReadZigZag(ReadOnlySpan<byte> data, ref int pos)
    {
        var raw = ReadUVarint(data, ref pos);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private static ParquetFormatException Fail(string detail, int pos) =>
        new($"{ParquetErrors.Encoding}: DELTA_BINARY_PACKED {detail} (byte {pos})");
}
