using System.Text.Encodings.Web;
using System.Text.Json;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet.Json;

public static partial class ParquetJsonLinesWriter
{
    /// <summary>
    /// Writes the file's schema as one indented JSON document: row and row-group counts, the writer, key-value
    /// metadata and the field tree with physical, logical and converted types and levels.
    /// </summary>
    public static void WriteSchema(ParquetReader reader, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var m = reader.Metadata;
        json.WriteStartObject();
        json.WriteNumber("num_rows", m.NumRows);
        json.WriteNumber("row_groups", m.RowGroups.Count);
        json.WriteNumber("version", m.Version);
        json.WriteString("created_by", m.CreatedBy);
        json.WriteStartObject("key_value_metadata");
        foreach (var kv in m.KeyValueMetadata)
        {
            json.WriteString(kv.Key, kv.Value);
        }
        json.WriteEndObject();
        json.WriteStartArray("fields");
        foreach (var f in reader.Schema.Fields)
        {
            WriteNode(json, f);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteNode(Utf8JsonWriter json, SchemaNode node)
    {
        json.WriteStartObject();
        json.WriteString("name", node.Name);
        json.WriteString("repetition", node.Repetition.ToString().ToUpperInvariant());
        if (node.PhysicalType is { } p)
        {
            json.WriteString("physical_type", PhysicalName(p));
        }
        if (node.Element.TypeLength is { } length && node.PhysicalType == PhysicalType.FixedLenByteArray)
        {
            json.WriteNumber("type_length", length);
        }
        if (node.LogicalType is { } lt)
        {
            json.WriteStartObject("logical_type");
            json.WriteString("type", lt.Kind.ToString().ToUpperInvariant());
            switch (lt.Kind)
            {
                case LogicalTypeKind.Decimal:
                    json.WriteNumber("precision", lt.Precision);
                    json.WriteNumber("scale", lt.Scale);
                    break;
                case LogicalTypeKind.Time or LogicalTypeKind.Timestamp:
                    json.WriteString("unit", lt.Unit.ToString().ToUpperInvariant());
                    json.WriteBoolean("is_adjusted_to_utc", lt.IsAdjustedToUtc);
                    break;
                case LogicalTypeKind.Integer:
                    json.WriteNumber("bit_width", lt.BitWidth);
                    json.WriteBoolean("is_signed", lt.IsSigned);
                    break;
            }
            json.WriteEndObject();
        }
        if (node.ConvertedType is { } ct)
        {
            json.WriteString("converted_type", ConvertedName(ct));
            if (ct == ConvertedType.Decimal)
            {
                json.WriteNumber("precision", node.Element.Precision ?? 0);
                json.WriteNumber("scale", node.Element.Scale ?? 0);
            }
        }
        json.WriteNumber("max_definition_level", node.MaxDefinitionLevel);
        json.WriteNumber("max_repetition_level", node.MaxRepetitionLevel);
        if (!node.IsLeaf)
        {
            json.WriteStartArray("children");
            foreach (var c in node.Children)
            {
                WriteNode(json, c);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>The parquet.thrift spelling (UTF8, MAP_KEY_VALUE, TIMESTAMP_MILLIS, UINT_8, ...).</summary>
    private static string ConvertedName(ConvertedType t) => t switch
    {
        ConvertedType.Utf8 => "UTF8",
        ConvertedType.MapKeyValue => "MAP_KEY_VALUE",
        ConvertedType.TimeMillis => "TIME_MILLIS",
        ConvertedType.TimeMicros => "TIME_MICROS",
        ConvertedType.TimestampMillis => "TIMESTAMP_MILLIS",
        ConvertedType.TimestampMicros => "TIMESTAMP_MICROS",
        >= ConvertedType.Uint8 and <= ConvertedType.Uint64 => "UINT_" + t.ToString()[4..],
        >= ConvertedType.Int8 and <= ConvertedType.Int64 => "INT_" + t.ToString()[3..],
        _ => t.ToString().ToUpperInvariant(),
    };

    private static string PhysicalName(PhysicalType p) => p switch
    {
        PhysicalType.Boolean => "BOOLEAN",
        PhysicalType.Int32 => "INT32",
        PhysicalType.Int64 => "INT64",
        PhysicalType.Int96 => "INT96",
        PhysicalType.Float => "FLOAT",
        PhysicalType.Double => "DOUBLE",
        PhysicalType.ByteArray => "BYTE_ARRAY",
        _ => "FIXED_LEN_BYTE_ARRAY",
    };
}
