using System.Runtime.InteropServices;

namespace LineageHub.Parquet.Compression;

/// <summary>
/// ZSTD and LZ4 through the operating system's shared libraries: .NET has no managed decoder for either.
/// A missing library becomes a <see cref="ParquetUnsupportedException"/> that names it.
/// </summary>
internal static partial class NativeCodecs
{
    public const string ZstdLibrary = "libzstd.so.1";
    public const string Lz4Library = "liblz4.so.1";

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_decompress")]
    private static unsafe partial nuint ZstdDecompress(byte* dst, nuint dstCapacity, byte* src, nuint srcSize);

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_isError")]
    private static partial uint ZstdIsError(nuint code);

    [LibraryImport(Lz4Library, EntryPoint = "LZ4_decompress_safe")]
    private static unsafe partial int Lz4DecompressSafe(byte* src, byte* dst, int compressedSize, int dstCapacity);

    public static unsafe void Zstd(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        nuint written;
        try
        {
            fixed (byte* s = src)
            fixed (byte* d = dst)
            {
                written = ZstdDecompress(d, (nuint)dst.Length, s, (nuint)src.Length);
            }
            if (ZstdIsError(written) != 0)
            {
                throw new ParquetFormatException($"{ParquetErrors.Decompress}: zstd reported error code {(long)written}");
            }
        }
        catch (DllNotFoundException e)
        {
            throw Missing(ZstdLibrary, "ZSTD", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw Missing(ZstdLibrary, "ZSTD", e);
        }
        if (written != (nuint)dst.Length)
        {
            throw new ParquetFormatException($"{ParquetErrors.Decompress}: zstd produced {written} bytes, the page header says {dst.Length}");
        }
    }

    /// <summary>Decodes one raw LZ4 block; returns the bytes written, or a negative number when the block is invalid.</summary>
    public static unsafe int Lz4Block(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        try
        {
            fixed (byte* s = src)
            fixed (byte* d = dst)
            {
                return Lz4DecompressSafe(s, d, src.Length, dst.Length);
            }
        }
        catch (DllNotFoundException e)
        {
            throw Missing(Lz4Library, "LZ4", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw Missing(Lz4Library, "LZ4", e);
        }
    }

    private static ParquetUnsupportedException Missing(string library, string codec, Exception e) =>
        new($"{ParquetErrors.NativeLibraryMissing}: {codec} pages need the shared library {library} (install the zstd/lz4 runtime package)", e);
}
