namespace LineageHub.Parquet;

/// <summary>
/// The bytes are not a Parquet file we can read: every failure of the reader on untrusted input ends here,
/// with a message that carries the evidence (which bytes, which column, which page, which offset).
/// </summary>
public class ParquetFormatException : Exception
{
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
