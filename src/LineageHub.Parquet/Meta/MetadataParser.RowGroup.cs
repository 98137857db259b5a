using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Meta;

internal static partial class MetadataParser
{
    private static RowGroup ReadRowGroup(ref ThriftCompactReader r)
    {
        var g = new RowGroup();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.List:
                    g.Columns = ReadList(ref r, ReadColumnChunk);
                    break;
                case 2 when type == ThriftType.I64:
                    g.TotalByteSize = r.ReadI64();
                    break;
                case 3 when type == ThriftType.I64:
                    g.NumRows = r.ReadI64();
                    break;
                case 5 when type == ThriftType.I64:
                    g.FileOffset = r.ReadI64();
                    break;
                case 6 when type == ThriftType.I64:
                    g.TotalCompressedSize = r.ReadI64();
                    break;
                case 7 when type == ThriftType.I16:
                    g.Ordinal = r.ReadI16();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (g.NumRows < 0)
        {
            throw r.Error($"row group with negative num_rows {g.NumRows}");
        }
        return g;
    }

    private static ColumnChunk ReadColumnChunk(ref ThriftCompactReader r)
    {
        var c = new ColumnChunk();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary:
                    c.FilePath = r.ReadString();
                    break;
                case 2 when type == ThriftType.I64:
                    c.FileOffset = r.ReadI64();
                    break;
                case 3 when type == ThriftType.Struct:
                    c.MetaData = ReadColumnMetaData(ref r);
                    break;
                case 4 when type == ThriftType.I64:
                    c.OffsetIndexOffset = r.ReadI64();
                    break;
                case 5 when type == ThriftType.I32:
                    c.OffsetIndexLength = r.ReadI32();
                    break;
                case 6 when type == ThriftType.I64:
                    c.ColumnIndexOffset = r.ReadI64();
                    break;
                case 7 when type == ThriftType.I32:
                    c.ColumnIndexLength = r.ReadI32();
                    break;
                case 8 or 9:
                    c.IsEncrypted = true;
                    r.Skip(type);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return c;
    }

    private static ColumnMetaData ReadColumnMetaData(ref ThriftCompactReader r)
    {
        var m = new ColumnMetaData();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    m.Type = ReadEnum<PhysicalType>(ref r, "physical type");
                    break;
                case 2 when type == ThriftType.List:
                    // Unknown encodings in this summary list are harmless; pages say what they really use.
                    m.Encodings = ReadList(ref r, static (ref ThriftCompactReader x) => (ParquetEncoding)x.ReadI32());
                    break;
                case 3 when type == ThriftType.List:
                    m.PathInSchema = ReadStringList(ref r);
                    break;
                case 4 when type == ThriftType.I32:
                    m.Codec = (CompressionCodec)r.ReadI32();
                    break;
                case 5 when type == ThriftType.I64:
                    m.NumValues = r.ReadI64();
                    break;
                case 6 when type == ThriftType.I64:
                    m.TotalUncompressedSize = r.ReadI64();
                    break;
                case 7 when type == ThriftType.I64:
                    m.TotalCompressedSize = r.ReadI64();
                    break;
                case 8 when type == ThriftType.List:
                    m.KeyValueMetadata = ReadList(ref r, ReadKeyValue);
                    break;
                case 9 when type == ThriftType.I64:
                    m.DataPageOffset = r.ReadI64();
                    break;
                case 10 when type == ThriftType.I64:
                    m.IndexPageOffset = r.ReadI64();
                    break;
                case 11 when type == ThriftType.I64:
                    m.DictionaryPageOffset = r.ReadI64();
                    break;
                case 12 when type == ThriftType.Struct:
                    m.Statistics = ReadStatistics(ref r);
                    break;
                case 14 when type == ThriftType.I64:
                    m.BloomFilterOffset = r.ReadI64();
                    break;
                case 15 when type == ThriftType.I32:
                    m.BloomFilterLength = r.ReadI32();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return m;
    }
}
