using System.Globalization;

namespace LineageHub.Parquet;

/// <summary>
/// Every message the reader raises, in one place, so tests assert on the same constants.
/// Each constant is the stable prefix of a message; the evidence follows it.
/// </summary>
public static class ParquetErrors
{
    public const string NotParquet = "not a parquet file";
    public const string Encrypted = "encrypted Parquet is not supported";
    public const string FileTooSmall = "file too small to be parquet";
    public const string FooterLength = "footer length out of range";
    public const string Thrift = "corrupt thrift metadata";
    public const string Schema = "invalid schema";
    public const string ColumnChunk = "invalid column chunk";
    public const string Page = "invalid page";
    public const string Checksum = "page checksum mismatch";
    public const string Decompress = "decompression failed";
    public const string Encoding = "invalid encoded data";
    public const string UnsupportedCodec = "unsupported compression codec";
    public const string UnsupportedEncoding = "unsupported encoding";
    public const string NativeLibraryMissing = "native library not found";
    public const string UnknownColumn = "unknown column";
    public const string Levels = "invalid repetition/definition levels";
    public const string Value = "invalid value";

    internal static string Hex(ReadOnlySpan<byte> bytes, int max = 8)
    {
        var n = Math.Min(bytes.Length, max);
        var parts = new string[n];
        for (var i = 0; i < n; i++)
        {
            parts[i] = bytes[i].ToString("X2", CultureInfo.InvariantCulture);
        }
        return string.Join(' ', parts) + (bytes.Length > max ? " ..." : string.Empty);
    }

    internal static ParquetFormatException Format(string prefix, string detail) => new($"{prefix}: {detail}");
}
