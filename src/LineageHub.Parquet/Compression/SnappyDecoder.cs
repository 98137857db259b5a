using System.Runtime.CompilerServices;

namespace LineageHub.Parquet.Compression;

/// <summary>
/// Decodes the Snappy raw block format (google/snappy format_description.txt): a varint uncompressed length,
/// then literals and back-references. Every literal and copy is checked against both buffers.
/// </summary>
internal static class SnappyDecoder
{
    public static void Decompress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var ip = 0;
        ulong declared = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28 || ip >= src.Length)
            {
                throw Fail("bad length preamble", ip);
            }
            var b = src[ip++];
            declared |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        if (declared != (ulong)dst.Length)
        {
            throw Fail($"block declares {declared} bytes, the page header {dst.Length}", 0);
        }
        var op = 0;
        while (ip < src.Length)
        {
            var tag = src[ip++];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        var extra = length - 59;
                        if (ip + extra > src.Length)
                        {
                            throw Fail("truncated literal length", ip);
                        }
                        var v = 0u;
                        for (var i = 0; i < extra; i++)
                        {
                            v |= (uint)src[ip + i] << (8 * i);
                        }
                        ip += extra;
                        if (v >= int.MaxValue)
                        {
                            throw Fail("literal too long", ip);
                        }
                        length = (int)v;
                    }
                    length++;
                    if (length > src.Length - ip || length > dst.Length - op)
                    {
                        throw Fail($"literal of {length} bytes overruns a buffer", ip);
                    }
                    src.Slice(ip, length).CopyTo(dst.Slice(op));
                    ip += length;
                    op += length;
                    continue;
                case 1:
                    if (ip >= src.Length)
                    {
                        throw Fail("truncated copy", ip);
                    }
                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | src[ip++];
                    break;
                case 2:
                    if (ip + 2 > src.Length)
                    {
                        throw Fail("truncated copy", ip);
                    }
                    length = (tag >> 2) + 1;
                    offset = src[ip] | (src[ip + 1] << 8);
                    ip += 2;
                    break;
                default:
                    if (ip + 4 > src.Length)
                    {
                        throw Fail("truncated copy", ip);
                    }
                    length = (tag >> 2) + 1;
                    offset = (int)(src[ip] | ((uint)src[ip + 1] << 8) | ((uint)src[ip + 2] << 16) | ((uint)src[ip + 3] << 24));
                    ip += 4;
                    break;
            }
            if (offset <= 0 || offset > op || length > dst.Length - op)
            {
                throw Fail($"copy of {length} bytes from offset {offset} at output {op} is out of range", ip);
            }
            CopyMatch(dst, op, offset, length);
            op += length;
        }
        if (op != dst.Length)
        {
            throw Fail($"produced {op} of {dst.Length} bytes", ip);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyMatch(Span<byte> dst, int op, int offset, int length)
    {
        if (offset >= length)
        {
            dst.Slice(op - offset, length).CopyTo(dst.Slice(op));
            return;
        }
        // Overlapping copy repeats the pattern: copy byte by byte in order, as the format defines.
        var from = op - offset;
        for (var i = 0; i < length; i++)
        {
            dst[op + i] = dst[from + i];
        }
    }

    private static ParquetFormatException Fail(string detail, int position) =>
        new($"{ParquetErrors.Decompress}: snappy {detail} (input offset {position})");
}
