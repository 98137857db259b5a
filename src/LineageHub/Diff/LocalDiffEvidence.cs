using System.Text.Json;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Connectors.Git;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Core.Snapshots;

namespace LineageHub.Diff;

/// <summary>
/// Evidence from this machine, on top of what the store records: with <c>--with-data</c>, exact rows of two
/// table versions whose files are reachable (and still are the registered versions); and line counts of the
/// files changed between two commits, from a checkout of the repository (given with <c>--repo</c>, the
/// current folder, or the folder a local repository's identity names).
/// </summary>
public sealed class LocalDiffEvidence(bool withData, Func<SnapshotSaltKey> saltKey, IReadOnlyList<string> checkouts, int sampleSize = 5) : RecordedEvidence
{
    private readonly Dictionary<string, GitRepository?> _repositories = new(StringComparer.Ordinal);

    public override async Task<DataChange> DescribeDataAsync(DatasetVersion from, DatasetVersion to, DataChange recorded, CancellationToken cancellationToken)
    {
        var change = await base.DescribeDataAsync(from, to, recorded, cancellationToken).ConfigureAwait(false);
        if (!withData)
        {
            return change;
        }
        if (from.Mode != SnapshotMode.Table || to.Mode != SnapshotMode.Table)
        {
            return change with { Notes = [.. change.Notes, DiffReportMessages.RowsForTablesOnly] };
        }
        var (oldPath, newPath) = (LocalFile(from.StorageUri), LocalFile(to.StorageUri));
        if (oldPath is null || newPath is null)
        {
            var missing = oldPath is null ? from : to;
            return change with { Notes = [.. change.Notes, DiffReportMessages.FileNotReachable(missing.Key, missing.StorageUri)] };
        }
        var key = saltKey();
        var result = SharedColumnsDiff.Compare(Request(oldPath, from, key), Request(newPath, to, key), sampleSize, cancellationToken);
        foreach (var (version, snapshot) in new[] { (from, result.Before), (to, result.After) })
        {
            if (snapshot.Root != version.Root)
            {
                return change with { Notes = [.. change.Notes, DiffReportMessages.FileNoLongerMatches(version.Key, version.StorageUri!, snapshot.Root)] };
            }
        }
        return change with { Rows = result.Rows, ColumnsRetyped = result.Retyped };
    }

    public override async Task<CodeChange> DescribeCodeAsync(CodeChange recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.FromCommit is null || recorded.ToCommit is null || recorded.FromCommit == recorded.ToCommit)
        {
            return recorded;
        }
        var repository = await CheckoutAsync(recorded.Repository, cancellationToken).ConfigureAwait(false);
        if (repository is null)
        {
            return recorded with { Warnings = [.. recorded.Warnings, DiffReportMessages.NoCheckout(recorded.Repository)] };
        }
        IReadOnlyList<GitFileChange> changes;
        try
        {
            changes = await repository.DiffAsync(recorded.FromCommit, recorded.ToCommit, cancellationToken).ConfigureAwait(false);
        }
        catch (GitConnectorException ex)
        {
            return recorded with { Warnings = [.. recorded.Warnings, DiffReportMessages.GitDiffFailed(recorded.Repository, ex.Message)] };
        }
        var pinned = recorded.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var files = changes
            .Where(c => !recorded.FilesPinned || pinned.Contains(c.Path.Text) || (c.OldPath is { } old && pinned.Contains(old.Text)))
            .Select(c => new CodeFileChange(c.Path.Text, Kind(c.Kind), (int?)c.AddedLines, (int?)c.DeletedLines, c.OldPath?.Text))
            .ToList();
        return recorded with { Files = files, FilesFromRepository = true };
    }

    private static TableSnapshotRequest Request(string path, DatasetVersion version, SnapshotSaltKey key) => new(path, key)
    {
        Key = StoredKey(version.Snapshot),
        Format = TableFormats.Parse(version.Format, path),
        Csv = CsvOptions.Parse(null, null, tab: path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)),
        // Two threads: the diff runs beside the rest of the CLI's work, and rows are held anyway.
        Parallelism = Math.Min(2, Environment.ProcessorCount),
    };

    private static string? StoredKey(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;

    private static string? LocalFile(string? uri) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile && File.Exists(parsed.LocalPath) ? parsed.LocalPath : null;

    private static FileChangeKind Kind(GitFileChangeKind kind) => kind switch
    {
        GitFileChangeKind.Added or GitFileChangeKind.Copied => FileChangeKind.Added,
        GitFileChangeKind.Deleted => FileChangeKind.Removed,
        GitFileChangeKind.Renamed => FileChangeKind.Renamed,
        _ => FileChangeKind.Modified,
    };

    // The first candidate folder whose identity is the repository's; a local identity (ROOTSHA:PATH) names its folder.
    private async Task<GitRepository?> CheckoutAsync(string identity, CancellationToken cancellationToken)
    {
        if (_repositories.TryGetValue(identity, out var known))
        {
            return known;
        }
        var candidates = checkouts.Append(Environment.CurrentDirectory).ToList();
        var colon = identity.IndexOf(':', StringComparison.Ordinal);
        if (colon == 40 && Path.IsPathRooted(identity[(colon + 1)..]))
        {
            candidates.Insert(0, identity[(colon + 1)..]);
        }
        GitRepository? found = null;
        foreach (var folder in candidates.Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var repository = await GitRepository.OpenAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false);
                if ((await repository.GetIdentityAsync(cancellationToken).ConfigureAwait(false)).Key == identity)
                {
                    found = repository;
                    break;
                }
            }
            catch (GitConnectorException)
            {
                // Not a repository, or one git cannot read: try the next candidate.
            }
        }
        _repositories[identity] = found;
        return found;
    }
}
