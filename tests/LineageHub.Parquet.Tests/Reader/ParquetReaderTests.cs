using System.Text;

namespace LineageHub.Parquet.Tests.Reader;

public sealed class ParquetReaderTests
{
    [Fact]
    public void Open_NotParquet_ReportsHeadBytes()
    {
        var bytes = Encoding.ASCII.GetBytes("id,name\n1,alice\n2,bob\n");
        var e = Assert.Throws<ParquetFormatException>(() => ParquetReader.Open(new MemoryStream(bytes)));
        Assert.StartsWith(ParquetErrors.NotParquet, e.Message, StringComparison.Ordinal);
        Assert.Contains("head: 69 64 2C 6E 61 6D 65 0A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TinyFile_ReportsSize()
    {
        var e = Assert.Throws<ParquetFormatException>(() => ParquetReader.Open(new MemoryStream("PAR1"u8.ToArray())));
        Assert.StartsWith(ParquetErrors.FileTooSmall, e.Message, StringComparison.Ordinal);
        Assert.Contains("4 bytes, head: 50 41 52 31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FooterLengthBeyondFile_ReportsBoth()
    {
        byte[] bytes = [.. "PAR1"u8, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "PAR1"u8];
        var e = Assert.Throws<ParquetFormatException>(() => ParquetReader.Open(new MemoryStream(bytes)));
        Assert.StartsWith(ParquetErrors.FooterLength, e.Message, StringComparison.Ordinal);
        Assert.Contains("claims 65535 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EncryptedFooterMagic_ReportsEncryptionUnsupported()
    {
        byte[] bytes = [.. "PAR1"u8, 1, 2, 3, 4, 4, 0, 0, 0, .. "PARE"u8];
        var e = Assert.Throws<ParquetUnsupportedException>(() => ParquetReader.Open(new MemoryStream(bytes)));
        Assert.StartsWith(ParquetErrors.Encrypted, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FooterIsGarbage_ThrowsThriftError()
    {
        byte[] bytes = [.. "PAR1"u8, 0xFF, 0xFF, 0xFF, 0xFF, 4, 0, 0, 0, .. "PAR1"u8];
        var e = Assert.Throws<ParquetFormatException>(() => ParquetReader.Open(new MemoryStream(bytes)));
        Assert.StartsWith(ParquetErrors.Thrift, e.Message, StringComparison.Ordinal);
    }
}
