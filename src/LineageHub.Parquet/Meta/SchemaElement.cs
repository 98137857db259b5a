namespace LineageHub.Parquet.Meta;

/// <summary>One node of the depth-first flattened schema (parquet.thrift <c>SchemaElement</c>).</summary>
public sealed class SchemaElement
{
    public PhysicalType? Type { get; internal set; }

    public int? TypeLength { get; internal set; }

    public FieldRepetition? Repetition { get; internal set; }

    public string Name { get; internal set; } = string.Empty;

    public int? NumChildren { get; internal set; }

    public ConvertedType? ConvertedType { get; internal set; }

    public int? Scale { get; internal set; }

    public int? Precision { get; internal set; }

    public int? FieldId { get; internal set; }

    public LogicalType? LogicalType { get; internal set; }
}
