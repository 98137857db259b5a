using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>A raw-mode fingerprint of one file: its root over 1 MiB chunks, and the chunks' leaf hashes (32 bytes each).</summary>
public sealed record RawFile(string Path, long Size, Digest Root, byte[] LeafHashes)
{
    public long Chunks => LeafHashes.Length / Digest.Size;
}
