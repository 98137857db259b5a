namespace LineageHub.Parquet.Meta;

/// <summary>The page index's offset index of one column chunk.</summary>
public sealed class OffsetIndex
{
    public IReadOnlyList<PageLocation> PageLocations { get; internal set; } = [];
}
