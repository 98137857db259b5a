using System.IO.Compression;
using System.Buffers.Binary;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Compression;

/// <summary>Decompresses one page into a buffer of exactly the size its header declares (Compression.md).</summary>
internal static class Decompressor
{
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> src, Span<byte> dst)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (src.Length != dst.Length)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Decompress}: uncompressed page of {src.Length} bytes declares {dst.Length}");
                }
                src.CopyTo(dst);
                break;
            case CompressionCodec.Snappy:
                SnappyDecoder.Decompress(src, dst);
                break;
            case CompressionCodec.Gzip:
                Gzip(src, dst);
                break;
            case CompressionCodec.Brotli:
                if (!BrotliDecoder.TryDecompress(src, dst, out var written) || written != dst.Length)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Decompress}: brotli stream is invalid or does not decode to {dst.Length} bytes");
                }
                break;
            case CompressionCodec.Zstd:
                NativeCodecs.Zstd(src, dst);
                break;
            case CompressionCodec.Lz4Raw:
                var n = NativeCodecs.Lz4Block(src, dst);
                if (n != dst.Length)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Decompress}: LZ4_RAW block is invalid or does not decode to {dst.Length} bytes (got {n})");
                }
                break;
            case CompressionCodec.Lz4:
                Lz4Legacy(src, dst);
                break;
            default:
                throw new ParquetUnsupportedException($"{ParquetErrors.UnsupportedCodec}: {codec} ({(int)codec})");
        }
    }

    private static unsafe void Gzip(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        try
        {
            fixed (byte* p = src)
            {
                using var input = new UnmanagedMemoryStream(p, src.Length);
                // GZipStream reads concatenated members one after another, as RFC 1952 allows.
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                var total = 0;
                while (total < dst.Length)
                {
                    var n = gzip.Read(dst.Slice(total));
                    if (n == 0)
                    {
                        break;
                    }
                    total += n;
                }
                Span<byte> probe = stackalloc byte[1];
                if (total != dst.Length || gzip.Read(probe) != 0)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Decompress}: gzip stream does not decode to {dst.Length} bytes");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new ParquetFormatException($"{ParquetErrors.Decompress}: gzip: {e.Message}", e);
        }
    }

    /// <summary>
    /// The deprecated LZ4 codec: Hadoop wrote blocks framed by big-endian (uncompressed, compressed) sizes;
    /// some writers wrote a bare LZ4 block. Try the framing first and fall back, as Compression.md advises.
    /// </summary>
    private static void Lz4Legacy(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        if (TryHadoopLz4(src, dst))
        {
            return;
        }
        var n = NativeCodecs.Lz4Block(src, dst);
        if (n != dst.Length)
        {
            throw new ParquetFormatException($"{ParquetErrors.Decompress}: LZ4 page is neither Hadoop-framed nor a raw block of {dst.Length} bytes");
        }
    }

    private static bool TryHadoopLz4(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var ip = 0;
        var op = 0;
        while (ip < src.Length)
        {
            if (src.Length - ip < 8)
            {
                return false;
            }
            var uncompressed = BinaryPrimitives.ReadUInt32BigEndian(src.Slice(ip));
            var compressed = BinaryPrimitives.ReadUInt32BigEndian(src.Slice(ip + 4));
            ip += 8;
            if (compressed > (uint)(src.Length - ip) || uncompressed > (uint)(dst.Length - op))
            {
                return false;
            }
            var n = NativeCodecs.Lz4Block(src.Slice(ip, (int)compressed), dst.Slice(op, (int)uncompressed));
            if (n != (int)uncompressed)
            {
                return false;
            }
            ip += (int)compressed;
            op += n;
        }
        return op == dst.Length;
    }
}
