using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    private const int MaxListedCommits = 100;

    /// <summary>
    /// A job's code on the two sides. When both runs pinned files, the code changed only if a pinned file
    /// did: a commit that moved on without touching the files a run used did not change that run. Otherwise
    /// a different commit is a change. Uncommitted changes (recorded by the manifest reader) count too.
    /// </summary>
    private async Task DiffCodeAsync(Session session, (NodeKey Key, Run Run) a, (NodeKey Key, Run Run) b, string subject, CancellationToken cancellationToken)
    {
        var older = Code(session.From.CodeOf(a.Key));
        var newer = Code(session.To.CodeOf(b.Key));
        if (older.Commit is null && newer.Commit is null && older.Files.Count == 0 && newer.Files.Count == 0)
        {
            return;
        }
        var pinned = older.Files.Count > 0 && newer.Files.Count > 0;
        var files = pinned ? PinnedChanges(older.Files, newer.Files) : [];
        var dirtyBefore = a.Run.Environment?.GetValueOrDefault(DirtyKey) == "true";
        var dirtyAfter = b.Run.Environment?.GetValueOrDefault(DirtyKey) == "true";
        var digestBefore = a.Run.Environment?.GetValueOrDefault(DiffDigestKey);
        var digestAfter = b.Run.Environment?.GetValueOrDefault(DiffDigestKey);
        var uncommittedDiffers = (dirtyBefore || dirtyAfter) && !string.Equals(digestBefore, digestAfter, StringComparison.Ordinal);
        var changed = uncommittedDiffers || (pinned ? files.Count > 0 : older.Commit != newer.Commit);
        if (!changed)
        {
            return;
        }

        var warnings = new List<string>();
        if (dirtyBefore)
        {
            warnings.Add(DiffMessages.Dirty("from", digestBefore));
        }
        if (dirtyAfter)
        {
            warnings.Add(DiffMessages.Dirty("to", digestAfter));
        }
        var repository = RepositoryOf(newer) ?? RepositoryOf(older) ?? "";
        var recorded = new CodeChange(repository, ShaOf(older.Commit), ShaOf(newer.Commit)) { Files = files, FilesPinned = pinned, Warnings = warnings };
        if (older.Commit is { } c1 && newer.Commit is { } c2 && c1 != c2)
        {
            recorded = await CommitsBetweenAsync(session, recorded, c1, c2, cancellationToken).ConfigureAwait(false);
        }
        var change = await _evidence.DescribeCodeAsync(recorded, cancellationToken).ConfigureAwait(false);

        // Where the change sits: the changed files the runs used, else the commits.
        var atTo = newer.Files.Values.Where(f => !session.From.Contains(f)).ToList();
        var atFrom = older.Files.Values.Where(f => !session.To.Contains(f)).ToList();
        if (atTo.Count == 0 && atFrom.Count == 0)
        {
            atTo = newer.Commit is { } t ? [t] : [b.Key];
            atFrom = older.Commit is { } f ? [f] : [a.Key];
        }
        session.Add(new LineageChange(ChangeKind.Code, subject, session.DistanceOf(atFrom, atTo), older.Commit ?? a.Key, newer.Commit ?? b.Key) { Code = change }, atFrom, atTo);
    }

    private async Task<CodeChange> CommitsBetweenAsync(Session session, CodeChange recorded, NodeKey older, NodeKey newer, CancellationToken cancellationToken)
    {
        var before = await HistoryAsync(session, older, cancellationToken).ConfigureAwait(false);
        var after = await HistoryAsync(session, newer, cancellationToken).ConfigureAwait(false);
        var beforeSet = before.Nodes.Select(n => n.Key).ToHashSet();
        var afterSet = after.Nodes.Select(n => n.Key).ToHashSet();
        var added = after.Nodes.Where(n => !beforeSet.Contains(n.Key)).Select(n => n.Key).ToList();
        var dropped = before.Nodes.Where(n => !afterSet.Contains(n.Key)).Select(n => n.Key).ToList();
        var truncated = before.Truncated || after.Truncated || added.Count > MaxListedCommits || dropped.Count > MaxListedCommits;
        if (before.Truncated || after.Truncated)
        {
            session.Warnings.Add(DiffMessages.CommitHistoryTruncated(session.Request.CommitBudget));
        }
        var shown = added.Take(MaxListedCommits).Concat(dropped.Take(MaxListedCommits)).ToList();
        var records = await store.FindNodesAsync(shown, cancellationToken).ConfigureAwait(false);
        return recorded with
        {
            CommitsAdded = Summaries(added.Take(MaxListedCommits), records),
            CommitsDropped = Summaries(dropped.Take(MaxListedCommits), records),
            CommitsTruncated = truncated,
        };
    }

    private static List<CommitSummary> Summaries(IEnumerable<NodeKey> keys, IReadOnlyDictionary<NodeKey, Storage.NodeRecord> records) =>
        [.. keys.Where(records.ContainsKey).Select(k => records[k].As<Commit>()).Select(c => new CommitSummary(c.Sha, FirstLine(c.Message), c.AuthorName, c.CommittedAt))];

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static List<CodeFileChange> PinnedChanges(IReadOnlyDictionary<string, NodeKey> before, IReadOnlyDictionary<string, NodeKey> after)
    {
        var changes = new List<CodeFileChange>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (old, now) = (before.GetValueOrDefault(path), after.GetValueOrDefault(path));
            if (old == now)
            {
                continue;
            }
            var kind = !before.ContainsKey(path) ? FileChangeKind.Added : !after.ContainsKey(path) ? FileChangeKind.Removed : FileChangeKind.Modified;
            changes.Add(new CodeFileChange(path, kind));
        }
        return changes;
    }

    /// <summary>A run's commit and its pinned files by path (their keys name the blob).</summary>
    private static (NodeKey? Commit, IReadOnlyDictionary<string, NodeKey> Files) Code(IReadOnlyList<NodeKey> used)
    {
        var commit = used.Where(k => k.Kind == NodeKind.Commit).Cast<NodeKey?>().FirstOrDefault();
        var files = new Dictionary<string, NodeKey>(StringComparer.Ordinal);
        foreach (var file in used.Where(k => k.Kind == NodeKind.SourceFile))
        {
            var parts = file.Parts();
            if (parts.Length == 3)
            {
                files[parts[1]] = file;
            }
        }
        return (commit, files);
    }

    private static string? RepositoryOf((NodeKey? Commit, IReadOnlyDictionary<string, NodeKey> Files) code) =>
        code.Commit is { } commit ? commit.Parts()[0] : code.Files.Values.Select(f => f.Parts()[0]).FirstOrDefault();

    private static string? ShaOf(NodeKey? commit) => commit is { } c && c.Parts() is { Length: 2 } parts ? parts[1] : null;
}
