using System.Text.Json;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Verification;

// Raw mode: a file's 1 MiB chunks against the stored leaves; a folder's files against the stored file list.
public static partial class DatasetVerifier
{
    private const string SingleFile = "";

    private static DatasetVerificationResult VerifyFile(Check check, CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(check.Path);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal) { [SingleFile] = stamp };
        if (check.Unchanged(SingleFile, stamp))
        {
            return new DatasetVerificationResult(VerificationOutcome.Ok, DatasetVerificationMessages.Skipped(check.Path)) { FilesSkipped = 1, Stamps = stamps, Root = check.Version.Root };
        }
        var file = RawFileHasher.Hash(check.Path, check.Options.Parallelism, check.Progress, cancellationToken);
        if (file.Root == check.Version.Root)
        {
            return new DatasetVerificationResult(VerificationOutcome.Ok, DatasetVerificationMessages.Verified(check.Path)) { Stamps = stamps, Root = file.Root };
        }
        var summary = DatasetVerificationMessages.RootDiffers(check.Path, check.Version.Root.ToString(), file.Root.ToString());
        if (file.Size != check.Version.ByteSize)
        {
            summary += "; " + DatasetVerificationMessages.SizeDiffers(check.Version.ByteSize, file.Size);
        }
        var differences = new List<VerificationDifference>();
        if (check.Metadata.TryGetProperty("leaves", out var stored) && stored.ValueKind == JsonValueKind.Array)
        {
            var chunkSize = check.Metadata.TryGetProperty("chunkSize", out var size) ? size.GetInt64() : SnapshotFormat.RawChunkSize;
            var before = stored.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            var now = RawDiff.Leaves(file);
            var changed = RawDiff.Chunks(before, now);
            summary += "; " + DatasetVerificationMessages.ChunksDiffer(changed.Count);
            var end = Math.Max(check.Version.ByteSize, file.Size);
            differences = Capped(changed.Select(i => new VerificationDifference("chunk", i >= now.Count ? "missing now: the file is shorter" : i >= before.Count ? "not registered: the file is longer" : "content differs")
            {
                Chunk = i,
                FirstByte = i * chunkSize,
                LastByte = Math.Min(end, (i + 1) * chunkSize) - 1,
            }), changed.Count);
        }
        else
        {
            summary += "; " + DatasetVerificationMessages.NoStoredLeaves;
            differences.Add(new VerificationDifference("content", DatasetVerificationMessages.NoStoredLeaves));
        }
        return new DatasetVerificationResult(VerificationOutcome.Tampered, summary) { Differences = differences, Stamps = stamps, Root = file.Root };
    }

    private static DatasetVerificationResult VerifyDirectory(Check check, CancellationToken cancellationToken)
    {
        var stored = StoredFiles(check.Metadata);
        var byPath = stored.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var skipped = 0;
        Digest? Known(string relative, FileStamp stamp)
        {
            stamps[relative] = stamp;
            if (check.Unchanged(relative, stamp) && byPath.TryGetValue(relative, out var entry) && entry.Size == stamp.Size)
            {
                skipped++;
                return entry.Root;
            }
            return null;
        }
        var directory = RawDirectoryHasher.Hash(check.Path, check.Options.Parallelism, check.Progress, cancellationToken, Known);
        if (directory.Root == check.Version.Root)
        {
            var message = skipped == directory.Files.Count && skipped > 0 ? DatasetVerificationMessages.Skipped(check.Path) : DatasetVerificationMessages.Verified(check.Path);
            return new DatasetVerificationResult(VerificationOutcome.Ok, message) { Stamps = stamps, FilesSkipped = skipped, Root = directory.Root };
        }
        var (added, removed, changed) = RawDiff.Files(stored, directory.Files);
        var now = directory.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var differences = changed.Select(p => new VerificationDifference("file", $"content differs (size {now[p].Size:N0} bytes, registered {byPath[p].Size:N0})") { File = p })
            .Concat(removed.Select(p => new VerificationDifference("file", "missing now") { File = p }))
            .Concat(added.Select(p => new VerificationDifference("file", "not registered") { File = p }));
        var count = added.Count + removed.Count + changed.Count;
        var summary = DatasetVerificationMessages.RootDiffers(check.Path, check.Version.Root.ToString(), directory.Root.ToString()) + "; " + DatasetVerificationMessages.FilesDiffer(added.Count, removed.Count, changed.Count);
        return new DatasetVerificationResult(VerificationOutcome.Tampered, summary) { Differences = Capped(differences, count), Stamps = stamps, FilesSkipped = skipped, Root = directory.Root };
    }

    private static List<RawDirectoryEntry> StoredFiles(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("a raw folder version's metadata has no file list");
        }
        return [.. files.EnumerateArray().Select(f => new RawDirectoryEntry(f.GetProperty("path").GetString()!, f.GetProperty("size").GetInt64(), Digest.Parse(f.GetProperty("root").GetString()!)))];
    }
}
