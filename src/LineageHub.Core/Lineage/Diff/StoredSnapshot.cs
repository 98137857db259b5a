using System.Text.Json;
using LineageHub.Core.Hashing;
using LineageHub.Core.Snapshots;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// The parts of a dataset version's stored snapshot metadata (schema/snapshot.md, "Stored metadata") a diff
/// compares: columns, chunk list, folder files. Entries that are not well-formed are left out, so a damaged
/// record yields a coarser diff and a note, never a crash.
/// </summary>
internal sealed record StoredSnapshot(IReadOnlyList<string>? Columns, IReadOnlyList<SnapshotChunk>? Chunks, IReadOnlyDictionary<string, (long Size, string Root)>? Files)
{
    public static StoredSnapshot Read(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } m)
        {
            return new StoredSnapshot(null, null, null);
        }
        return new StoredSnapshot(Strings(m, "columns"), ChunksOf(m), FilesOf(m));
    }

    private static List<string>? Strings(JsonElement m, string name)
    {
        if (!m.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    private static List<SnapshotChunk>? ChunksOf(JsonElement m)
    {
        if (!m.TryGetProperty("chunks", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var chunks = new List<SnapshotChunk>(array.GetArrayLength());
        foreach (var c in array.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object
                || !c.TryGetProperty("firstRow", out var first) || !first.TryGetInt64(out var firstRow)
                || !c.TryGetProperty("rows", out var rows) || !rows.TryGetInt64(out var rowCount)
                || !c.TryGetProperty("root", out var root) || !Digest.TryParse(root.GetString(), out var digest))
            {
                return null;
            }
            chunks.Add(new SnapshotChunk(firstRow, rowCount, digest, Text(c, "firstKey"), Text(c, "lastKey")));
        }
        return chunks;
    }

    private static Dictionary<string, (long, string)>? FilesOf(JsonElement m)
    {
        if (!m.TryGetProperty("files", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var files = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var f in array.EnumerateArray())
        {
            if (f.ValueKind == JsonValueKind.Object && Text(f, "path") is { } path && f.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes))
            {
                files[path] = (bytes, Text(f, "root") ?? "");
            }
        }
        return files;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
