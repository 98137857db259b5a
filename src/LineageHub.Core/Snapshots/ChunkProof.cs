namespace LineageHub.Core.Snapshots;

/// <summary>An inclusion proof of one 1 MiB chunk of a raw file: the chunk's leaf hash and its RFC 9162 path to the file's root.</summary>
public sealed record ChunkProof(string Format, string Root, long FileBytes, long Chunk, long ChunkCount, long Offset, long Length, string LeafHash, IReadOnlyList<string> Path);
