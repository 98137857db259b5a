using LineageHub.Parquet.Encodings;

namespace LineageHub.Parquet.Tests.Encodings;

public sealed class DeltaBinaryPackedDecoderTests
{
    [Fact]
    public void Decode_ConstantDeltas_UsesMinDeltaWithZeroWidth()
    {
        // block 128, 4 miniblocks, 5 values, first 7 (zigzag 14); min delta 2 (zigzag 4); widths all 0.
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x0E, 0x04, 0, 0, 0, 0];
        var values = new long[5];
        var end = DeltaBinaryPackedDecoder.Decode(data, values, out var decoded);
        Assert.Equal(5, decoded);
        Assert.Equal([7L, 9, 11, 13, 15], values);
        Assert.Equal(data.Length, end);
    }

    [Fact]
    public void Decode_BlockSizeNotMultipleOf128_Throws()
    {
        var e = Assert.Throws<ParquetFormatException>(() => DeltaBinaryPackedDecoder.Decode([0x40, 0x04, 0x01, 0x00], new long[1], out _));
        Assert.Contains("block size 64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MiniblockWidthAbove64_Throws()
    {
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x0E, 0x04, 65, 0, 0, 0];
        var e = Assert.Throws<ParquetFormatException>(() => DeltaBinaryPackedDecoder.Decode(data, new long[5], out _));
        Assert.Contains("bit width 65", e.Message, StringComparison.Ordinal);
    }
}
