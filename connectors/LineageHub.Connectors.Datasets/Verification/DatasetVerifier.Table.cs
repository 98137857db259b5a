using System.Text.Json;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Datasets.Verification;

// Table mode: the rows re-read with the stored format, key and CSV dialect, then chunk roots compared, so a
// changed row is named by the chunk that holds it (its row range and the keys at its edges).
public static partial class DatasetVerifier
{
    private static DatasetVerificationResult VerifyTable(Check check, CancellationToken cancellationToken)
    {
        var metadata = check.Metadata;
        var saltKeyId = metadata.GetProperty("saltKeyId").GetString()!;
        if (check.Options.SaltKey is not { } saltKey)
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, DatasetVerificationMessages.NoSaltKey(saltKeyId));
        }
        if (!string.Equals(saltKey.Id.ToString(), saltKeyId, StringComparison.Ordinal))
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, DatasetVerificationMessages.WrongSaltKey(saltKeyId, saltKey.Id.ToString()));
        }
        var stamp = FileStamp.Of(check.Path);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal) { [SingleFile] = stamp };
        if (check.Unchanged(SingleFile, stamp))
        {
            return new DatasetVerificationResult(VerificationOutcome.Ok, DatasetVerificationMessages.Skipped(check.Path)) { FilesSkipped = 1, Stamps = stamps, Root = check.Version.Root };
        }
        var delimiter = Text(metadata, "delimiter");
        var request = new SnapshotRequest(check.Path, SnapshotMode.Table)
        {
            SaltKey = saltKey,
            Format = TableFormats.Parse(Text(metadata, "fileFormat") ?? check.Version.Format, check.Path),
            Csv = CsvOptions.Parse(delimiter, Text(metadata, "encoding"), tab: delimiter is null && CsvOptions.DefaultDelimiter(check.Path) == (byte)'\t'),
            Key = Text(metadata, "key"),
            AllowDuplicateKeys = metadata.TryGetProperty("allowDuplicateKeys", out var duplicates) && duplicates.ValueKind == JsonValueKind.True,
            Parallelism = check.Options.Parallelism,
            Progress = check.Progress,
        };
        DatasetSnapshot snapshot;
        try
        {
            snapshot = DatasetSnapshotter.Snapshot(request, cancellationToken);
        }
        catch (LineageHubException ex) when (ex.Code == ErrorCode.InvalidInput && !ex.Message.EndsWith(DatasetMessages.Changed(""), StringComparison.Ordinal))
        {
            // It read when it was registered; that it no longer parses means its bytes changed. The reader's
            // message names the line or row.
            return new DatasetVerificationResult(VerificationOutcome.Tampered, DatasetVerificationMessages.NoLongerReads(ex.Message))
            {
                Differences = [new VerificationDifference("content", ex.Message)],
                Stamps = stamps,
            };
        }
        if (snapshot.Root == check.Version.Root)
        {
            return new DatasetVerificationResult(VerificationOutcome.Ok, DatasetVerificationMessages.Verified(check.Path)) { Stamps = stamps, Root = snapshot.Root };
        }
        var table = snapshot.Table!;
        var differences = new List<VerificationDifference>();
        var summary = DatasetVerificationMessages.RootDiffers(check.Path, check.Version.Root.ToString(), snapshot.Root.ToString());
        if (check.Version.SchemaFingerprint is { } schema && schema != table.Schema.Fingerprint)
        {
            var stored = metadata.TryGetProperty("columns", out var columns) ? string.Join(", ", columns.EnumerateArray().Select(c => c.GetString())) : "?";
            var detail = DatasetVerificationMessages.SchemaDiffers(stored, string.Join(", ", table.Schema.SortedNames));
            differences.Add(new VerificationDifference("schema", detail));
            summary += "; " + detail;
        }
        var before = DatasetSnapshot.ChunksOf(metadata) ?? [];
        var nowRoots = table.Chunks.Select(c => c.Root).ToHashSet();
        var beforeRoots = before.Select(c => c.Root).ToHashSet();
        var gone = before.Select((c, i) => (Chunk: c, Index: i)).Where(c => !nowRoots.Contains(c.Chunk.Root)).ToList();
        var fresh = table.Chunks.Select((c, i) => (Chunk: c, Index: i)).Where(c => !beforeRoots.Contains(c.Chunk.Root)).ToList();
        var listed = gone.Select(c => Describe(c.Chunk, c.Index, "rows differ from the registered chunk"))
            .Concat(gone.Count == 0 ? fresh.Select(c => Describe(c.Chunk, c.Index, "rows not in any registered chunk")) : []);
        var count = gone.Count == 0 ? fresh.Count : gone.Count;
        summary += "; " + DatasetVerificationMessages.ChunksDiffer(count);
        if (table.RowCount != check.Version.LeafCount)
        {
            summary += $"; {table.RowCount:N0} rows, registered {check.Version.LeafCount:N0}";
        }
        differences.AddRange(Capped(listed, count));
        return new DatasetVerificationResult(VerificationOutcome.Tampered, summary) { Differences = differences, Stamps = stamps, Root = snapshot.Root };
    }

    private static VerificationDifference Describe(Core.Snapshots.SnapshotChunk chunk, int index, string detail) => new("chunk", detail)
    {
        Chunk = index,
        FirstRow = chunk.FirstRow,
        LastRow = chunk.FirstRow + chunk.Rows - 1,
        FirstKey = chunk.FirstKey,
        LastKey = chunk.LastKey,
    };

    private static string? Text(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
