using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Meta;

/// <summary>
/// Decodes parquet.thrift structs from the compact protocol. Field ids follow parquet.thrift; unknown fields are
/// skipped so files from newer writers still read.
/// </summary>
internal static partial class MetadataParser
{
    public static FileMetaData ReadFileMetaData(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data);
        var m = new FileMetaData();
        var sawSchema = false;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    m.Version = r.ReadI32();
                    break;
                case 2 when type == ThriftType.List:
                    m.Schema = ReadList(ref r, ReadSchemaElement);
                    sawSchema = true;
                    break;
                case 3 when type == ThriftType.I64:
                    m.NumRows = r.ReadI64();
                    break;
                case 4 when type == ThriftType.List:
                    m.RowGroups = ReadList(ref r, ReadRowGroup);
                    break;
                case 5 when type == ThriftType.List:
                    m.KeyValueMetadata = ReadList(ref r, ReadKeyValue);
                    break;
                case 6 when type == ThriftType.Binary:
                    m.CreatedBy = r.ReadString();
                    break;
                case 8:
                    m.HasEncryptionAlgorithm = true;
                    r.Skip(type);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        if (!sawSchema)
        {
            throw r.Error("FileMetaData has no schema");
        }
        if (m.NumRows < 0)
        {
            throw r.Error($"negative num_rows {m.NumRows}");
        }
        return m;
    }

    private delegate T ElementReader<T>(ref ThriftCompactReader r);

    private static List<T> ReadList<T>(ref ThriftCompactReader r, ElementReader<T> read)
    {
        var count = r.ReadListHeader(out _);
        var list = new List<T>(count);
        r.EnterStruct();
        for (var i = 0; i < count; i++)
        {
            list.Add(read(ref r));
        }
        r.ExitStruct();
        return list;
    }

    private static List<string> ReadStringList(ref ThriftCompactReader r) =>
        ReadList(ref r, static (ref ThriftCompactReader x) => x.ReadString());

    private static KeyValue ReadKeyValue(ref ThriftCompactReader r)
    {
        string? key = null;
        string? value = null;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary:
                    key = r.ReadString();
                    break;
                case 2 when type == ThriftType.Binary:
                    value = r.ReadString();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return new KeyValue(key ?? throw r.Error("KeyValue without key"), value);
    }

    private static Statistics ReadStatistics(ref ThriftCompactReader r)
    {
        var s = new Statistics();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary:
                    s.LegacyMax = r.ReadBinary();
                    break;
                case 2 when type == ThriftType.Binary:
                    s.LegacyMin = r.ReadBinary();
                    break;
                case 3 when type == ThriftType.I64:
                    s.NullCount = r.ReadI64();
                    break;
                case 4 when type == ThriftType.I64:
                    s.DistinctCount = r.ReadI64();
                    break;
                case 5 when type == ThriftType.Binary:
                    s.MaxValue = r.ReadBinary();
                    break;
                case 6 when type == ThriftType.Binary:
                    s.MinValue = r.ReadBinary();
                    break;
                case 7 when type is ThriftType.BoolTrue or ThriftType.BoolFalse:
                    s.IsMaxValueExact = r.ReadBool();
                    break;
                case 8 when type is ThriftType.BoolTrue or ThriftType.BoolFalse:
                    s.IsMinValueExact = r.ReadBool();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return s;
    }

    private static TEnum ReadEnum<TEnum>(ref ThriftCompactReader r, string what)
        where TEnum : struct, Enum
    {
        var v = r.ReadI32();
        if (!Enum.IsDefined(typeof(TEnum), v))
        {
            throw r.Error($"unknown {what} {v}");
        }
        return (TEnum)(object)v;
    }
}
