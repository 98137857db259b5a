namespace LineageHub.Parquet.Compression;

/// <summary>CRC-32 (ISO-HDLC, the zlib polynomial) as parquet.thrift asks for page checksums; slicing-by-4.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        var t = Table;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = t[768 + (crc & 0xFF)] ^ t[512 + ((crc >> 8) & 0xFF)] ^ t[256 + ((crc >> 16) & 0xFF)] ^ t[crc >> 24];
        }
        for (; i < data.Length; i++)
        {
            crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var t = new uint[1024];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            t[n] = c;
        }
        for (var n = 0; n < 256; n++)
        {
            for (var s = 1; s < 4; s++)
            {
                var prev = t[((s - 1) * 256) + n];
                t[(s * 256) + n] = t[prev & 0xFF] ^ (prev >> 8);
            }
        }
        return t;
    }
}
