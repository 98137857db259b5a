using LineageHub.Parquet.Compression;

namespace LineageHub.Parquet.Tests.Compression;

public sealed class SnappyDecoderTests
{
    [Fact]
    public void Decompress_LiteralThenOverlappingCopy_RepeatsThePattern()
    {
        // length 10; literal "ab" (tag 0x04); copy-1 of 8 bytes from offset 2 (tag 0x11, offset byte 2).
        byte[] block = [0x0A, 0x04, (byte)'a', (byte)'b', 0x11, 0x02];
        var output = new byte[10];
        SnappyDecoder.Decompress(block, output);
        Assert.Equal("ababababab"u8.ToArray(), output);
    }

    [Fact]
    public void Decompress_CopyBeforeStartOfOutput_Throws()
    {
        byte[] block = [0x06, 0x04, (byte)'a', (byte)'b', 0x01, 0x09];
        var e = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(block, new byte[6]));
        Assert.StartsWith(ParquetErrors.Decompress, e.Message, StringComparison.Ordinal);
        Assert.Contains("offset 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_DeclaredLengthDiffersFromPageHeader_Throws()
    {
        var e = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress([0x05, 0x00, (byte)'a'], new byte[1]));
        Assert.Contains("declares 5 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc32_KnownVector_MatchesZlib()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }
}
