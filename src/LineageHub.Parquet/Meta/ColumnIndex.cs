namespace LineageHub.Parquet.Meta;

/// <summary>The page index's per-page statistics of one column chunk.</summary>
public sealed class ColumnIndex
{
    public IReadOnlyList<bool> NullPages { get; internal set; } = [];

    public IReadOnlyList<byte[]> MinValues { get; internal set; } = [];

    public IReadOnlyList<byte[]> MaxValues { get; internal set; } = [];

    public int BoundaryOrder { get; internal set; }

    public IReadOnlyList<long> NullCounts { get; internal set; } = [];
}
