using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Tests.Thrift;

public sealed class ThriftCompactReaderTests
{
    [Fact]
    public void ReadI64_ZigZagVarint_DecodesNegativeAndLargeValues()
    {
        // zigzag(-1) = 1; zigzag(2^40) = 2^41 as a varint.
        var r = new ThriftCompactReader([0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]);
        Assert.Equal(-1, r.ReadI64());
        Assert.Equal(1L << 40, r.ReadI64());
    }

    [Fact]
    public void ReadVarint32_EndsMidVarint_ThrowsWithOffset()
    {
        var e = Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader([0x80, 0x80]).ReadVarint32());
        Assert.StartsWith(ParquetErrors.Thrift, e.Message, StringComparison.Ordinal);
        Assert.Contains("end of metadata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVarint32_MoreThanFiveBytes_Throws()
    {
        var e = Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]).ReadVarint32());
        Assert.Contains("longer than 5 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBinary_LengthBeyondInput_ThrowsBeforeAllocating()
    {
        var e = Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader([0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x41]).ReadBinary());
        Assert.Contains("exceeds the 1 bytes remaining", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadListHeader_SizeBeyondInput_Throws()
    {
        // Size nibble 15 means a varint size follows: 1,000,000 elements in a 4-byte buffer.
        var e = Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader([0xF5, 0xC0, 0x84, 0x3D]).ReadListHeader(out _));
        Assert.Contains("1000000 elements", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipStruct_NestedDeeperThanCap_Throws()
    {
        // Field 1 of type struct (0x1C), repeated: each opens one more struct.
        var bytes = Enumerable.Repeat((byte)0x1C, ThriftCompactReader.MaxDepth + 10).ToArray();
        var e = Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader(bytes).SkipStruct());
        Assert.Contains($"deeper than {ThriftCompactReader.MaxDepth}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFieldHeader_ShortFormAndLongForm_TrackFieldIds()
    {
        // 0x15: delta 1, i32; then long form 0x05 with zigzag i16 id 20 (0x28); then STOP.
        var r = new ThriftCompactReader([0x15, 0x02, 0x05, 0x28, 0x04, 0x00]);
        short last = 0;
        Assert.True(r.ReadFieldHeader(ref last, out var t1, out var id1));
        Assert.Equal((ThriftType.I32, (short)1), (t1, id1));
        Assert.Equal(1, r.ReadI32());
        Assert.True(r.ReadFieldHeader(ref last, out _, out var id2));
        Assert.Equal(20, id2);
        Assert.Equal(2, r.ReadI32());
        Assert.False(r.ReadFieldHeader(ref last, out _, out _));
    }
}
