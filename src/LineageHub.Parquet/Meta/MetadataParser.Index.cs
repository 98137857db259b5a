using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Meta;

internal static partial class MetadataParser
{
    public static OffsetIndex ReadOffsetIndex(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data);
        var index = new OffsetIndex();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (id == 1 && type == ThriftType.List)
            {
                index.PageLocations = ReadList(ref r, ReadPageLocation);
            }
            else
            {
                r.Skip(type);
            }
        }
        r.ExitStruct();
        return index;
    }

    private static PageLocation ReadPageLocation(ref ThriftCompactReader r)
    {
        long offset = 0, firstRow = 0;
        var size = 0;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I64:
                    offset = r.ReadI64();
                    break;
                case 2 when type == ThriftType.I32:
                    size = r.ReadI32();
                    break;
                case 3 when type == ThriftType.I64:
                    firstRow = r.ReadI64();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return new PageLocation(offset, size, firstRow);
    }

    public static ColumnIndex ReadColumnIndex(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data);
        var index = new ColumnIndex();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.List:
                    index.NullPages = ReadList(ref r, static (ref ThriftCompactReader x) => x.ReadBool());
                    break;
                case 2 when type == ThriftType.List:
                    index.MinValues = ReadList(ref r, static (ref ThriftCompactReader x) => x.ReadBinary());
                    break;
                case 3 when type == ThriftType.List:
                    index.MaxValues = ReadList(ref r, static (ref ThriftCompactReader x) => x.ReadBinary());
                    break;
                case 4 when type == ThriftType.I32:
                    index.BoundaryOrder = r.ReadI32();
                    break;
                case 5 when type == ThriftType.List:
                    index.NullCounts = ReadList(ref r, static (ref ThriftCompactReader x) => x.ReadI64());
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return index;
    }
}
