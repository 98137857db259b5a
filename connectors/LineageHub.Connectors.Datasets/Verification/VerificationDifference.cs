namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>
/// One part of a dataset version that no longer matches: a raw chunk (with its byte range), a file of a folder,
/// a table chunk (with its row range and the keys at its edges), the schema, or the content as a whole.
/// </summary>
public sealed record VerificationDifference(string Part, string Detail)
{
    /// <summary>The chunk's index (raw: 1 MiB chunks of the file; table: content-defined chunks in snapshot order).</summary>
    public long? Chunk { get; init; }

    /// <summary>The file's path relative to the registered folder.</summary>
    public string? File { get; init; }

    /// <summary>The first byte of the range that differs (0-based).</summary>
    public long? FirstByte { get; init; }

    /// <summary>The last byte of the range that differs (inclusive).</summary>
    public long? LastByte { get; init; }

    /// <summary>The first row of the range that differs (0-based, in snapshot order).</summary>
    public long? FirstRow { get; init; }

    /// <summary>The last row of the range that differs (inclusive).</summary>
    public long? LastRow { get; init; }

    public string? FirstKey { get; init; }

    public string? LastKey { get; init; }
}
