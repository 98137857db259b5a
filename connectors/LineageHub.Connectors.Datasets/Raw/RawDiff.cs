using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>Raw-mode differences: which 1 MiB chunks of a file differ (by position), which files of a folder were added, removed or changed.</summary>
public static class RawDiff
{
    /// <summary>The indices of chunks that differ or exist on one side only.</summary>
    public static IReadOnlyList<long> Chunks(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var changed = new List<long>();
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            if (i >= before.Count || i >= after.Count || !string.Equals(before[i], after[i], StringComparison.Ordinal))
            {
                changed.Add(i);
            }
        }
        return changed;
    }

    public static IReadOnlyList<string> Leaves(RawFile file) =>
        [.. Enumerable.Range(0, (int)file.Chunks).Select(i => Convert.ToHexStringLower(file.LeafHashes.AsSpan(i * Digest.Size, Digest.Size)))];

    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed) Files(IReadOnlyList<RawDirectoryEntry> before, IReadOnlyList<RawDirectoryEntry> after)
    {
        var old = before.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var added = new List<string>();
        var changed = new List<string>();
        foreach (var file in after)
        {
            if (!old.Remove(file.Path, out var previous))
            {
                added.Add(file.Path);
            }
            else if (previous.Root != file.Root || previous.Size != file.Size)
            {
                changed.Add(file.Path);
            }
        }
        return (added, [.. old.Keys.Order(StringComparer.Ordinal)], changed);
    }
}
