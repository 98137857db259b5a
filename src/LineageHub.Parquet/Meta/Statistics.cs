namespace LineageHub.Parquet.Meta;

/// <summary>Column or page statistics; min/max are PLAIN-encoded bytes of the column's physical type.</summary>
public sealed class Statistics
{
    /// <summary>Deprecated signed min/max (fields 1 and 2) kept for old writers.</summary>
    public byte[]? LegacyMax { get; internal set; }

    public byte[]? LegacyMin { get; internal set; }

    public long? NullCount { get; internal set; }

    public long? DistinctCount { get; internal set; }

    public byte[]? MaxValue { get; internal set; }

    public byte[]? MinValue { get; internal set; }

    public bool? IsMaxValueExact { get; internal set; }

    public bool? IsMinValueExact { get; internal set; }
}
