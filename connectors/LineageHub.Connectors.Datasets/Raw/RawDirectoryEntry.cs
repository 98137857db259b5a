using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>One file of a raw folder snapshot: its path relative to the folder ('/'-separated), size and root.</summary>
public sealed record RawDirectoryEntry(string Path, long Size, Digest Root);
