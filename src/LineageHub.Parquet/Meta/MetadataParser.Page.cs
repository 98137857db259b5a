using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Meta;

internal static partial class MetadataParser
{
    /// <summary>Reads a page header; <paramref name="length"/> receives the header's size in bytes.</summary>
    public static PageHeader ReadPageHeader(ReadOnlySpan<byte> data, out int length)
    {
        var r = new ThriftCompactReader(data);
        var h = new PageHeader();
        var sawType = false;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    h.Type = ReadEnum<PageType>(ref r, "page type");
                    sawType = true;
                    break;
                case 2 when type == ThriftType.I32:
                    h.UncompressedPageSize = r.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    h.CompressedPageSize = r.ReadI32();
                    break;
                case 4 when type == ThriftType.I32:
                    h.Crc = r.ReadI32();
                    break;
                case 5 when type == ThriftType.Struct:
                    h.DataPageHeader = ReadDataPageHeader(ref r);
                    break;
                case 7 when type == ThriftType.Struct:
                    h.DictionaryPageHeader = ReadDictionaryPageHeader(ref r);
                    break;
                case 8 when type == ThriftType.Struct:
                    h.DataPageHeaderV2 = ReadDataPageHeaderV2(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (!sawType)
        {
            throw r.Error("page header without a type");
        }
        if (h.CompressedPageSize < 0 || h.UncompressedPageSize < 0)
        {
            throw r.Error($"negative page size (compressed {h.CompressedPageSize}, uncompressed {h.UncompressedPageSize})");
        }
        length = r.Position;
        return h;
    }

    private static DataPageHeader ReadDataPageHeader(ref ThriftCompactReader r)
    {
        var h = new DataPageHeader();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    h.NumValues = r.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    h.Encoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    h.DefinitionLevelEncoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 4 when type == ThriftType.I32:
                    h.RepetitionLevelEncoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 5 when type == ThriftType.Struct:
                    h.Statistics = ReadStatistics(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (h.NumValues < 0)
        {
            throw r.Error($"data page with negative num_values {h.NumValues}");
        }
        return h;
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ref ThriftCompactReader r)
    {
        var h = new DataPageHeaderV2();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    h.NumValues = r.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    h.NumNulls = r.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    h.NumRows = r.ReadI32();
                    break;
                case 4 when type == ThriftType.I32:
                    h.Encoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 5 when type == ThriftType.I32:
                    h.DefinitionLevelsByteLength = r.ReadI32();
                    break;
                case 6 when type == ThriftType.I32:
                    h.RepetitionLevelsByteLength = r.ReadI32();
                    break;
                case 7 when type is ThriftType.BoolTrue or ThriftType.BoolFalse:
                    h.IsCompressed = r.ReadBool();
                    break;
                case 8 when type == ThriftType.Struct:
                    h.Statistics = ReadStatistics(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (h.NumValues < 0 || h.NumNulls < 0 || h.NumRows < 0 || h.DefinitionLevelsByteLength < 0 || h.RepetitionLevelsByteLength < 0)
        {
            throw r.Error("data page v2 header with a negative count or length");
        }
        return h;
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ref ThriftCompactReader r)
    {
        var h = new DictionaryPageHeader();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    h.NumValues = r.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    h.Encoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 3 when type is ThriftType.BoolTrue or ThriftType.BoolFalse:
                    h.IsSorted = r.ReadBool();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (h.NumValues < 0)
        {
            throw r.Error($"dictionary page with negative num_values {h.NumValues}");
        }
        return h;
    }
}
