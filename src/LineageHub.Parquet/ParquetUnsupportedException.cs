namespace LineageHub.Parquet;

/// <summary>
/// The file is well-formed as far as we can tell but uses a feature this reader does not implement
/// (encryption, the LZO codec, a missing native codec library).
/// </summary>
public sealed class ParquetUnsupportedException : ParquetFormatException
{
    public ParquetUnsupportedException(string message)
        : base(message)
    {
    }

    public ParquetUnsupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
