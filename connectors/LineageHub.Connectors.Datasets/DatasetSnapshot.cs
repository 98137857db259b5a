using System.Text.Json;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets;

/// <summary>
/// The result of snapshotting a path in either mode, with the metadata a registered
/// <see cref="DatasetVersion"/> stores so the version can be re-hashed and diffed later.
/// </summary>
public sealed record DatasetSnapshot(string Path, SnapshotMode Mode, string Format, Digest Root, long LeafCount, long ChunkCount, long Bytes, TimeSpan Elapsed)
{
    /// <summary>Raw leaves are stored in the metadata up to this many (4 GiB of file); beyond, only the root.</summary>
    public const int MaxStoredLeaves = 4096;

    public TableSnapshot? Table { get; init; }

    public RawFile? File { get; init; }

    public RawDirectory? Directory { get; init; }

    /// <summary>How a CSV table was read; stored when it differs from the defaults, so verification reads it the same way.</summary>
    public CsvOptions? Csv { get; init; }

    /// <summary>Whether the table was snapshotted with duplicate keys allowed; stored when true.</summary>
    public bool AllowDuplicateKeys { get; init; }

    public Digest? SchemaFingerprint => Table?.Schema.Fingerprint;

    /// <summary>The stored snapshot metadata (schema/snapshot.md, "Stored metadata").</summary>
    public JsonElement Metadata()
    {
        var metadata = new Dictionary<string, object?>
        {
            ["format"] = SnapshotFormat.MetadataFormat,
            ["mode"] = Mode == SnapshotMode.Raw ? "raw" : "table",
            ["fileFormat"] = Format,
        };
        if (Table is { } table)
        {
            metadata["columns"] = table.Schema.SortedNames;
            metadata["key"] = table.Schema.Key;
            metadata["rows"] = table.RowCount;
            metadata["saltKeyId"] = table.SaltKeyId.ToString();
            if (Csv is { } csv && Format == "csv")
            {
                if (csv.Delimiter != CsvOptions.DefaultDelimiter(Path))
                {
                    metadata["delimiter"] = ((char)csv.Delimiter).ToString();
                }
                if (csv.Encoding is { } encoding)
                {
                    metadata["encoding"] = encoding.WebName;
                }
            }
            if (AllowDuplicateKeys)
            {
                metadata["allowDuplicateKeys"] = true;
            }
            metadata["chunks"] = table.Chunks.Select(c => new StoredChunk(c.FirstRow, c.Rows, c.Root.ToString(), c.FirstKey, c.LastKey)).ToArray();
        }
        if (File is { } file)
        {
            metadata["chunkSize"] = SnapshotFormat.RawChunkSize;
            metadata["chunkCount"] = file.Chunks;
            if (file.Chunks <= MaxStoredLeaves)
            {
                metadata["leaves"] = Enumerable.Range(0, (int)file.Chunks).Select(i => Convert.ToHexStringLower(file.LeafHashes.AsSpan(i * Digest.Size, Digest.Size))).ToArray();
            }
        }
        if (Directory is { } directory)
        {
            metadata["files"] = directory.Files.Select(f => new { path = f.Path, size = f.Size, root = f.Root.ToString() }).ToArray();
        }
        return JsonSerializer.SerializeToElement(metadata, StoredChunk.JsonOptions);
    }

    /// <summary>The dataset version this snapshot registers as.</summary>
    public DatasetVersion ToDatasetVersion(string @namespace, string name, string? label, string? storageUri) =>
        new(@namespace, name, Root, Mode, LeafCount, Bytes, Format, storageUri, SchemaFingerprint, label, Metadata());

    /// <summary>The chunk list of a stored table snapshot's metadata; null when it has none (raw mode).</summary>
    public static IReadOnlyList<SnapshotChunk>? ChunksOf(JsonElement metadata)
    {
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("chunks", out var chunks) || chunks.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var stored = chunks.Deserialize<StoredChunk[]>(StoredChunk.JsonOptions) ?? [];
        return [.. stored.Select(c => new SnapshotChunk(c.FirstRow, c.Rows, Digest.Parse(c.Root), c.FirstKey, c.LastKey))];
    }
}
