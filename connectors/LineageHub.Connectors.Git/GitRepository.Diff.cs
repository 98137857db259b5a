using LineageHub.Connectors.Git.Parsing;

namespace LineageHub.Connectors.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// The files changed from <paramref name="fromRevision"/> to <paramref name="toRevision"/>, with
    /// added and deleted line counts (null, and <see cref="GitFileChange.IsBinary"/>, for binary files)
    /// and renames detected (git's default 50 % similarity). Order is git's (byte order of paths).
    /// </summary>
    /// <exception cref="GitConnectorException"><see cref="GitErrorKind.UnknownRevision"/> when either names no commit.</exception>
    public async Task<IReadOnlyList<GitFileChange>> DiffAsync(string fromRevision, string toRevision, CancellationToken cancellationToken = default)
    {
        var from = await ResolveCommitAsync(fromRevision, cancellationToken).ConfigureAwait(false);
        var to = await ResolveCommitAsync(toRevision, cancellationToken).ConfigureAwait(false);

        // Rename detection is asked for explicitly (-M) so diff.renames configuration cannot change the answer.
        await using var process = _git.Start(
            ["diff-tree", "-r", "-z", "-M", "--raw", "--numstat", "--no-abbrev", "--no-ext-diff", "--no-textconv", from.Value, to.Value],
            cancellationToken);
        process.CloseInput();
        var parser = new DiffParser(message => new GitConnectorException(
            GitErrorKind.MalformedOutput, GitMessages.MalformedOutput(process.CommandText, message)));
        using var output = new GitOutputReader(process.Output, process.CommandText, Options.MaxRecordBytes);
        while (true)
        {
            if (output.TryReadRecord(0, out var token))
            {
                parser.Add(token);
                continue;
            }

            if (!await output.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (output.Buffered > 0)
        {
            throw output.Malformed("the last record is not NUL-terminated");
        }

        await process.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
        parser.Finish();
        return parser.Changes;
    }

    /// <summary>
    /// The commits between two revisions: those reachable from <paramref name="toRevision"/> but not from
    /// <paramref name="fromRevision"/> (what was added), the reverse (what was dropped, when history
    /// diverged), and their merge base. Use <see cref="EnumerateCommitsAsync"/> to stream a huge range.
    /// </summary>
    public async Task<GitCommitRange> GetCommitRangeAsync(string fromRevision, string toRevision, CancellationToken cancellationToken = default)
    {
        var from = await ResolveCommitAsync(fromRevision, cancellationToken).ConfigureAwait(false);
        var to = await ResolveCommitAsync(toRevision, cancellationToken).ConfigureAwait(false);
        var added = await CollectAsync(EnumerateCommitsAsync(to.Value, [from.Value], cancellationToken: cancellationToken)).ConfigureAwait(false);
        var removed = await CollectAsync(EnumerateCommitsAsync(from.Value, [to.Value], cancellationToken: cancellationToken)).ConfigureAwait(false);

        var mergeBase = await _git.RunAsync(["merge-base", from.Value, to.Value], cancellationToken).ConfigureAwait(false);
        GitObjectId? baseId = mergeBase.Succeeded && GitObjectId.TryParse(mergeBase.Text, out var parsed) ? parsed : null;
        return new GitCommitRange(from, to, baseId, added, removed);
    }

    private static async Task<List<GitCommitInfo>> CollectAsync(IAsyncEnumerable<GitCommitInfo> commits)
    {
        var list = new List<GitCommitInfo>();
        await foreach (var commit in commits.ConfigureAwait(false))
        {
            list.Add(commit);
        }

        return list;
    }
}
