namespace LineageHub.Parquet;

/// <summary>Limits and checks applied while reading; the defaults suit files written by mainstream writers.</summary>
public sealed record ParquetReaderOptions
{
    public static ParquetReaderOptions Default { get; } = new();

    /// <summary>Verify page CRCs when the writer stored them.</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Largest uncompressed page accepted; a bigger declared size is treated as corruption rather than allocated.</summary>
    public int MaxPageSize { get; init; } = 256 * 1024 * 1024;

    /// <summary>Most level entries one data page may declare.</summary>
    public int MaxValuesPerPage { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Most level entries one column chunk may hold. Runs of nulls cost a few bytes per million, so without this cap a
    /// small corrupt file could demand gigabytes of level buffers.
    /// </summary>
    public int MaxValuesPerColumnChunk { get; init; } = 128 * 1024 * 1024;

    /// <summary>Largest footer accepted.</summary>
    public int MaxFooterSize { get; init; } = 256 * 1024 * 1024;
}
