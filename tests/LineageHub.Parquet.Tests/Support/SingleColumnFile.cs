using System.Buffers.Binary;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>
/// Builds a one-column, one-page, uncompressed Parquet file by hand, so tests can state exactly which field lies.
/// Defaults describe a valid required INT32 column of the given rows.
/// </summary>
public sealed record SingleColumnFile
{
    public PhysicalType Type { get; init; } = PhysicalType.Int32;

    public int? TypeLength { get; init; }

    public FieldRepetition Repetition { get; init; } = FieldRepetition.Required;

    public ConvertedType? ConvertedType { get; init; }

    public int? Scale { get; init; }

    public int? Precision { get; init; }

    public long Rows { get; init; } = 3;

    public int? PageValues { get; init; }

    public byte[] PageData { get; init; } = [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0];

    public byte[] Build()
    {
        var page = new CompactWriter()
            .I32(1, (int)PageType.DataPage)
            .I32(2, PageData.Length)
            .I32(3, PageData.Length)
            .BeginStruct(5)
                .I32(1, PageValues ?? (int)Rows)
                .I32(2, (int)ParquetEncoding.Plain)
                .I32(3, (int)ParquetEncoding.Rle)
                .I32(4, (int)ParquetEncoding.Rle)
            .End()
            .End()
            .ToArray();
        var chunkLength = page.Length + PageData.Length;
        var m = new CompactWriter()
            .I32(1, 1)
            .List(2, 12, 2)
                .BeginStructElement().String(4, "schema").I32(5, 1).End()
                .BeginStructElement().I32(1, (int)Type);
        if (TypeLength is { } length)
        {
            m.I32(2, length);
        }
        m.I32(3, (int)Repetition).String(4, "v");
        if (ConvertedType is { } ct)
        {
            m.I32(6, (int)ct);
        }
        if (Scale is { } scale)
        {
            m.I32(7, scale);
        }
        if (Precision is { } precision)
        {
            m.I32(8, precision);
        }
        m.End()
            .I64(3, Rows)
            .List(4, 12, 1)
                .BeginStructElement()
                    .List(1, 12, 1)
                        .BeginStructElement()
                            .I64(2, 4)
                            .BeginStruct(3)
                                .I32(1, (int)Type)
                                .List(2, 5, 1).ListI32(0)
                                .List(3, 8, 1).ListString("v")
                                .I32(4, 0)
                                .I64(5, Rows)
                                .I64(6, chunkLength)
                                .I64(7, chunkLength)
                                .I64(9, 4)
                            .End()
                        .End()
                    .I64(2, chunkLength)
                    .I64(3, Rows)
                .End()
            .End();
        var footer = m.ToArray();
        var file = new List<byte>();
        file.AddRange("PAR1"u8.ToArray());
        file.AddRange(page);
        file.AddRange(PageData);
        file.AddRange(footer);
        var length4 = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length4, footer.Length);
        file.AddRange(length4);
        file.AddRange("PAR1"u8.ToArray());
        return [.. file];
    }
}
