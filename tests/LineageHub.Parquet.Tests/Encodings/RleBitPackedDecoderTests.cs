using LineageHub.Parquet.Encodings;

namespace LineageHub.Parquet.Tests.Encodings;

public sealed class RleBitPackedDecoderTests
{
    [Fact]
    public void Read_RleRunThenBitPackedRun_DecodesBoth()
    {
        // Encodings.md example: RLE run of 3 x value 4 at width 3, then one bit-packed group of 0..7.
        byte[] data = [0x06, 0x04, 0x03, 0x88, 0xC6, 0xFA];
        var decoder = new RleBitPackedDecoder(data, 3);
        var values = new int[11];
        Assert.Equal(11, decoder.Read(values));
        Assert.Equal([4, 4, 4, 0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void Read_BitPackedRunLongerThanData_StopsAtTheData()
    {
        // Header claims 100 groups (800 values) but only 3 bytes follow: 8 values at width 3.
        byte[] data = [0xC9, 0x01, 0x88, 0xC6, 0xFA];
        var decoder = new RleBitPackedDecoder(data, 3);
        var values = new int[800];
        Assert.Equal(8, decoder.Read(values));
    }

    [Fact]
    public void Read_BitWidthZero_YieldsZeros()
    {
        var decoder = new RleBitPackedDecoder([0x0A], 0);
        var values = new int[5];
        Assert.Equal(5, decoder.Read(values));
        Assert.All(values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Constructor_BitWidthAbove32_Throws()
    {
        var e = Assert.Throws<ParquetFormatException>(() => new RleBitPackedDecoder([], 33));
        Assert.StartsWith(ParquetErrors.Encoding, e.Message, StringComparison.Ordinal);
    }
}
