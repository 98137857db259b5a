namespace LineageHub.Core.Snapshots;

/// <summary>The fixed parameters of snapshot format version 1 (schema/snapshot.md); changing any changes every root.</summary>
public static class SnapshotFormat
{
    /// <summary>Raw mode: a file's leaves are its consecutive chunks of this many bytes (1 MiB).</summary>
    public const int RawChunkSize = 1 << 20;

    /// <summary>Table mode: the schema bytes start with these four ASCII bytes.</summary>
    public static ReadOnlySpan<byte> TableMagic => "LHT1"u8;

    /// <summary>Table mode: a chunk never ends before it holds this many rows (unless the table ends).</summary>
    public const int MinChunkRows = 256;

    /// <summary>Table mode: a chunk always ends when it holds this many rows.</summary>
    public const int MaxChunkRows = 65536;

    /// <summary>Table mode: past the minimum, a row ends its chunk when the first four bytes of its salt, read big-endian, are below this (1 in 4096).</summary>
    public const uint BoundaryThreshold = 1u << 20;

    /// <summary>A value's text is capped so one cell cannot take the memory a row is checked against.</summary>
    public const int MaxRowBytes = 16 << 20;

    /// <summary>The format names written into proofs and stored snapshot metadata.</summary>
    public const string RowProofFormat = "lineagehub-row-proof/1";

    public const string ChunkProofFormat = "lineagehub-chunk-proof/1";

    public const string MetadataFormat = "lineagehub-snapshot/1";
}
