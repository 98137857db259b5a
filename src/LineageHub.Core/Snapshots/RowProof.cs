namespace LineageHub.Core.Snapshots;

/// <summary>
/// An inclusion proof of one row of a table snapshot (schema/snapshot.md, "Row proofs"): the row's values
/// and salt, its path to its chunk's root, the chunk leaf's path to the snapshot root, and the schema with
/// its own path, so a verifier needs nothing but this and a trusted root. Hashes are lower-case hex.
/// </summary>
public sealed record RowProof(
    string Format,
    string Root,
    string Schema,
    IReadOnlyList<string> SchemaPath,
    IReadOnlyList<RowProofColumn> Columns,
    string Salt,
    long Row,
    long Chunk,
    long ChunkCount,
    long ChunkRows,
    long RowInChunk,
    IReadOnlyList<string> RowPath,
    IReadOnlyList<string> ChunkPath);
