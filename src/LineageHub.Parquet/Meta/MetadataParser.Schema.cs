using LineageHub.Parquet.Thrift;

namespace LineageHub.Parquet.Meta;

internal static partial class MetadataParser
{
    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader r)
    {
        var e = new SchemaElement();
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32:
                    e.Type = ReadEnum<PhysicalType>(ref r, "physical type");
                    break;
                case 2 when type == ThriftType.I32:
                    e.TypeLength = r.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    e.Repetition = ReadEnum<FieldRepetition>(ref r, "repetition type");
                    break;
                case 4 when type == ThriftType.Binary:
                    e.Name = r.ReadString();
                    break;
                case 5 when type == ThriftType.I32:
                    e.NumChildren = r.ReadI32();
                    break;
                case 6 when type == ThriftType.I32:
                    // An unknown converted type is only an annotation: keep reading the physical values.
                    var ct = r.ReadI32();
                    e.ConvertedType = Enum.IsDefined(typeof(ConvertedType), ct) ? (ConvertedType)ct : null;
                    break;
                case 7 when type == ThriftType.I32:
                    e.Scale = r.ReadI32();
                    break;
                case 8 when type == ThriftType.I32:
                    e.Precision = r.ReadI32();
                    break;
                case 9 when type == ThriftType.I32:
                    e.FieldId = r.ReadI32();
                    break;
                case 10 when type == ThriftType.Struct:
                    e.LogicalType = ReadLogicalType(ref r);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }
        r.ExitStruct();
        return e;
    }

    private static LogicalType ReadLogicalType(ref ThriftCompactReader r)
    {
        LogicalType? result = null;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (type != ThriftType.Struct)
            {
                r.Skip(type);
                continue;
            }
            result = id switch
            {
                1 => Empty(ref r, LogicalTypeKind.String),
                2 => Empty(ref r, LogicalTypeKind.Map),
                3 => Empty(ref r, LogicalTypeKind.List),
                4 => Empty(ref r, LogicalTypeKind.Enum),
                5 => ReadDecimalType(ref r),
                6 => Empty(ref r, LogicalTypeKind.Date),
                7 => ReadTimeType(ref r, LogicalTypeKind.Time),
                8 => ReadTimeType(ref r, LogicalTypeKind.Timestamp),
                10 => ReadIntType(ref r),
                11 => Empty(ref r, LogicalTypeKind.Null),
                12 => Empty(ref r, LogicalTypeKind.Json),
                13 => Empty(ref r, LogicalTypeKind.Bson),
                14 => Empty(ref r, LogicalTypeKind.Uuid),
                15 => Empty(ref r, LogicalTypeKind.Float16),
                16 => Empty(ref r, LogicalTypeKind.Variant),
                17 => Empty(ref r, LogicalTypeKind.Geometry),
                18 => Empty(ref r, LogicalTypeKind.Geography),
                _ => Empty(ref r, LogicalTypeKind.Other),
            };
        }
        r.ExitStruct();
        return result ?? new LogicalType(LogicalTypeKind.Other);
    }

    private static LogicalType Empty(ref ThriftCompactReader r, LogicalTypeKind kind)
    {
        r.SkipStruct();
        return new LogicalType(kind);
    }

    private static LogicalType ReadDecimalType(ref ThriftCompactReader r)
    {
        int scale = 0, precision = 0;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (id == 1 && type == ThriftType.I32)
            {
                scale = r.ReadI32();
            }
            else if (id == 2 && type == ThriftType.I32)
            {
                precision = r.ReadI32();
            }
            else
            {
                r.Skip(type);
            }
        }
        r.ExitStruct();
        return new LogicalType(LogicalTypeKind.Decimal) { Scale = scale, Precision = precision };
    }

    private static LogicalType ReadTimeType(ref ThriftCompactReader r, LogicalTypeKind kind)
    {
        var utc = false;
        var unit = TimeUnit.Millis;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (id == 1 && type is ThriftType.BoolTrue or ThriftType.BoolFalse)
            {
                utc = r.ReadBool();
            }
            else if (id == 2 && type == ThriftType.Struct)
            {
                unit = ReadTimeUnit(ref r);
            }
            else
            {
                r.Skip(type);
            }
        }
        r.ExitStruct();
        return new LogicalType(kind) { IsAdjustedToUtc = utc, Unit = unit };
    }

    private static TimeUnit ReadTimeUnit(ref ThriftCompactReader r)
    {
        var unit = TimeUnit.Millis;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (type == ThriftType.Struct)
            {
                unit = id switch
                {
                    1 => TimeUnit.Millis,
                    2 => TimeUnit.Micros,
                    3 => TimeUnit.Nanos,
                    _ => throw r.Error($"unknown time unit {id}"),
                };
            }
            r.Skip(type);
        }
        r.ExitStruct();
        return unit;
    }

    private static LogicalType ReadIntType(ref ThriftCompactReader r)
    {
        int bits = 0;
        var signed = false;
        r.EnterStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out var type, out var id))
        {
            if (id == 1 && type == ThriftType.Byte)
            {
                bits = (sbyte)r.ReadByte();
            }
            else if (id == 2 && type is ThriftType.BoolTrue or ThriftType.BoolFalse)
            {
                signed = r.ReadBool();
            }
            else
            {
                r.Skip(type);
            }
        }
        r.ExitStruct();
        if (bits is not (8 or 16 or 32 or 64))
        {
            throw r.Error($"integer logical type with bit width {bits}");
        }
        return new LogicalType(LogicalTypeKind.Integer) { BitWidth = bits, IsSigned = signed };
    }
}
