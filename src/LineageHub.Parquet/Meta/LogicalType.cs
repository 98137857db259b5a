namespace LineageHub.Parquet.Meta;

/// <summary>A logical type annotation with its parameters (parquet.thrift <c>LogicalType</c>).</summary>
public sealed record LogicalType(LogicalTypeKind Kind)
{
    public int Scale { get; init; }

    public int Precision { get; init; }

    public bool IsAdjustedToUtc { get; init; }

    public TimeUnit Unit { get; init; }

    public int BitWidth { get; init; }

    public bool IsSigned { get; init; }
}
