using System.Runtime.CompilerServices;

namespace LineageHub.Parquet.Compression;

/// <summary>
/// Decodes the Snappy raw block format (google/snappy format_description.txt): a varint uncompressed length,
/// then literals and back-references. Every literal and copy is checked against both buffers before it is made;
/// short copies move 8 or 16 bytes at a time when both buffers have that much room, as the format allows.
/// </summary>
internal static unsafe class SnappyDecoder
{
    public static void Decompress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var start = ReadPreamble(src, dst.Length);
        fixed (byte* s = src)
        fixed (byte* d = dst)
        {
            var produced = Decode(s + start, s + src.Length, d, d + dst.Length);
            if (produced != dst.Length)
            {
                throw Fail($"produced {produced} of {dst.Length} bytes", src.Length);
            }
        }
    }

    private static int ReadPreamble(ReadOnlySpan<byte> src, int expected)
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
        if (declared != (ulong)expected)
        {
            throw Fail($"block declares {declared} bytes, the page header {expected}", 0);
        }
        return ip;
    }

    private static int Decode(byte* ip, byte* ipEnd, byte* d, byte* opEnd)
    {
        var op = d;
        var inputStart = ip;
        while (ip < ipEnd)
        {
            uint tag = *ip++;
            long length;
            long offset;
            switch (tag & 3)
            {
                case 0:
                    length = (tag >> 2) + 1;
                    if (length > 60)
                    {
                        var extra = (int)length - 60;
                        if (ipEnd - ip < extra)
                        {
                            throw Fail("truncated literal length", ip - inputStart);
                        }
                        ulong v = 0;
                        for (var i = 0; i < extra; i++)
                        {
                            v |= (ulong)ip[i] << (8 * i);
                        }
                        ip += extra;
                        length = (long)v + 1;
                    }
                    if (length > ipEnd - ip || length > opEnd - op)
                    {
                        throw Fail($"literal of {length} bytes overruns a buffer", ip - inputStart);
                    }
                    if (length <= 16 && ipEnd - ip >= 16 && opEnd - op >= 16)
                    {
                        Unsafe.CopyBlockUnaligned(op, ip, 16);
                    }
                    else
                    {
                        Buffer.MemoryCopy(ip, op, opEnd - op, length);
                    }
                    ip += length;
                    op += length;
                    continue;
                case 1:
                    if (ip >= ipEnd)
                    {
                        throw Fail("truncated copy", ip - inputStart);
                    }
                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | *ip++;
                    break;
                case 2:
                    if (ipEnd - ip < 2)
                    {
                        throw Fail("truncated copy", ip - inputStart);
                    }
                    length = (tag >> 2) + 1;
                    offset = Unsafe.ReadUnaligned<ushort>(ip);
                    ip += 2;
                    break;
                default:
                    if (ipEnd - ip < 4)
                    {
                        throw Fail("truncated copy", ip - inputStart);
                    }
                    length = (tag >> 2) + 1;
                    offset = Unsafe.ReadUnaligned<uint>(ip);
                    ip += 4;
                    break;
            }
            if (offset <= 0 || offset > op - d || length > opEnd - op)
            {
                throw Fail($"copy of {length} bytes from offset {offset} at output {op - d} is out of range", ip - inputStart);
            }
            CopyMatch(op, offset, length, opEnd);
            op += length;
        }
        return (int)(op - d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyMatch(byte* op, long offset, long length, byte* opEnd)
    {
        var from = op - offset;
        if (offset >= 8 && opEnd - op >= length + 8)
        {
            // Each 8-byte read lies entirely in output already written, because the source trails by 8 or more.
            for (long i = 0; i < length; i += 8)
            {
                Unsafe.WriteUnaligned(op + i, Unsafe.ReadUnaligned<ulong>(from + i));
            }
            return;
        }
        // Overlapping copy repeats the pattern: copy byte by byte in order, as the format defines.
        for (long i = 0; i < length; i++)
        {
            op[i] = from[i];
        }
    }

    private static ParquetFormatException Fail(string detail, long position) =>
        new($"{ParquetErrors.Decompress}: snappy {detail} (input offset {position})");
}
