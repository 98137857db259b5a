using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Rows;

/// <summary>
/// Turns one stored value into its logical .NET value (LogicalTypes.md), using the logical type when present and
/// the legacy converted type otherwise. Annotations that do not fit the physical type fall back to the physical value.
/// </summary>
internal sealed class LeafConverter
{
    private readonly LeafKind _kind;
    private readonly int _scale;
    private readonly TimeUnit _unit;
    private readonly bool _utc;

    /// <summary>Scales beyond this are corruption, not data: no physical type holds that many digits.</summary>
    private const int MaxDecimalScale = 1000;

    public LeafConverter(SchemaNode leaf)
    {
        var physical = leaf.PhysicalType!.Value;
        (_kind, _scale, _unit, _utc) = Classify(leaf, physical);
        if (_kind == LeafKind.Decimal && _scale is < 0 or > MaxDecimalScale)
        {
            throw new ParquetFormatException($"{ParquetErrors.Schema}: DECIMAL column '{leaf.DottedPath}' has scale {_scale}");
        }
    }

    private static (LeafKind, int, TimeUnit, bool) Classify(SchemaNode leaf, PhysicalType physical)
    {
        var raw = physical switch
        {
            PhysicalType.Boolean => LeafKind.Boolean,
            PhysicalType.Int32 => LeafKind.Int32,
            PhysicalType.Int64 => LeafKind.Int64,
            PhysicalType.Int96 => LeafKind.Int96Timestamp,
            PhysicalType.Float => LeafKind.Float,
            PhysicalType.Double => LeafKind.Double,
            _ => LeafKind.Bytes,
        };
        var isBinary = physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray;
        var isInt = physical is PhysicalType.Int32 or PhysicalType.Int64;
        var width = leaf.Element.TypeLength ?? 0;
        if (leaf.LogicalType is { } lt)
        {
            return lt.Kind switch
            {
                LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json when isBinary => (LeafKind.String, 0, default, false),
                LogicalTypeKind.Uuid when physical == PhysicalType.FixedLenByteArray && width == 16 => (LeafKind.Uuid, 0, default, false),
                LogicalTypeKind.Float16 when physical == PhysicalType.FixedLenByteArray && width == 2 => (LeafKind.Float16, 0, default, false),
                LogicalTypeKind.Decimal when isInt || isBinary => (LeafKind.Decimal, lt.Scale, default, false),
                LogicalTypeKind.Date when physical == PhysicalType.Int32 => (LeafKind.Date, 0, default, false),
                LogicalTypeKind.Time when isInt => (LeafKind.Time, 0, lt.Unit, lt.IsAdjustedToUtc),
                LogicalTypeKind.Timestamp when physical == PhysicalType.Int64 => (LeafKind.Timestamp, 0, lt.Unit, lt.IsAdjustedToUtc),
                LogicalTypeKind.Integer when isInt && !lt.IsSigned => (physical == PhysicalType.Int64 ? LeafKind.UInt64 : LeafKind.UInt32, 0, default, false),
                LogicalTypeKind.Null => (LeafKind.Null, 0, default, false),
                _ => (raw, 0, default, false),
            };
        }
        return leaf.ConvertedType switch
        {
            ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json when isBinary => (LeafKind.String, 0, default, false),
            ConvertedType.Decimal when isInt || isBinary => (LeafKind.Decimal, leaf.Element.Scale ?? 0, default, false),
            ConvertedType.Date when physical == PhysicalType.Int32 => (LeafKind.Date, 0, default, false),
            ConvertedType.TimeMillis when physical == PhysicalType.Int32 => (LeafKind.Time, 0, TimeUnit.Millis, true),
            ConvertedType.TimeMicros when physical == PhysicalType.Int64 => (LeafKind.Time, 0, TimeUnit.Micros, true),
            ConvertedType.TimestampMillis when physical == PhysicalType.Int64 => (LeafKind.Timestamp, 0, TimeUnit.Millis, true),
            ConvertedType.TimestampMicros when physical == PhysicalType.Int64 => (LeafKind.Timestamp, 0, TimeUnit.Micros, true),
            ConvertedType.Uint8 or ConvertedType.Uint16 or ConvertedType.Uint32 when physical == PhysicalType.Int32 => (LeafKind.UInt32, 0, default, false),
            ConvertedType.Uint64 when physical == PhysicalType.Int64 => (LeafKind.UInt64, 0, default, false),
            _ => (raw, 0, default, false),
        };
    }

    public object? Convert(ValueStore values, int i)
    {
        switch (_kind)
        {
            case LeafKind.Boolean:
                return values.Bools[i];
            case LeafKind.Int32:
                return values.Ints[i];
            case LeafKind.Int64:
                return values.Longs[i];
            case LeafKind.UInt32:
                return (long)(uint)values.Ints[i];
            case LeafKind.UInt64:
                return (ulong)values.Longs[i];
            case LeafKind.Float:
                return values.Floats[i];
            case LeafKind.Double:
                return values.Doubles[i];
            case LeafKind.Int96Timestamp:
                return Int96(values.GetBytes(i));
            case LeafKind.String:
                return Encoding.UTF8.GetString(values.GetBytes(i));
            case LeafKind.Uuid:
                return new Guid(values.GetBytes(i), bigEndian: true);
            case LeafKind.Float16:
                return BinaryPrimitives.ReadHalfLittleEndian(values.GetBytes(i));
            case LeafKind.Decimal:
                return Decimal(values, i);
            case LeafKind.Date:
                return new ParquetDate(values.Ints[i]);
            case LeafKind.Time:
                return new ParquetTime(values.Type == PhysicalType.Int32 ? values.Ints[i] : values.Longs[i], _unit, _utc);
            case LeafKind.Timestamp:
                return new ParquetTimestamp(values.Longs[i], _unit, _utc);
            case LeafKind.Null:
                return null;
            default:
                return values.GetBytes(i).ToArray();
        }
    }

    private ParquetDecimal Decimal(ValueStore values, int i)
    {
        BigInteger unscaled = values.Type switch
        {
            PhysicalType.Int32 => values.Ints[i],
            PhysicalType.Int64 => values.Longs[i],
            // Binary decimals are big-endian two's complement (LogicalTypes.md DECIMAL).
            _ => new BigInteger(values.GetBytes(i), isUnsigned: false, isBigEndian: true),
        };
        return new ParquetDecimal(unscaled, _scale);
    }

    /// <summary>INT96 (deprecated): 8 bytes of nanoseconds within the day, then 4 bytes of Julian day, little-endian.</summary>
    private static ParquetTimestamp Int96(ReadOnlySpan<byte> bytes)
    {
        const long JulianEpochDay = 2_440_588;
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var julian = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(8));
        var days = julian - JulianEpochDay;
        // Nanoseconds since the epoch overflow 64 bits beyond 1677..2262; keep microseconds there instead.
        if (days is > -106_000 and < 106_000)
        {
            return new ParquetTimestamp((days * 86_400_000_000_000L) + nanos, TimeUnit.Nanos, false);
        }
        return new ParquetTimestamp((days * 86_400_000_000L) + (nanos / 1000), TimeUnit.Micros, false);
    }
}
