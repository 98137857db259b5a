using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>A raw-mode fingerprint of a folder: one leaf per file, in the UTF-8 byte order of their relative paths.</summary>
public sealed record RawDirectory(string Path, Digest Root, IReadOnlyList<RawDirectoryEntry> Files)
{
    public long Size => Files.Sum(f => f.Size);
}
