using System.Security.Cryptography;
using LineageHub.Connectors.Git.Parsing;

namespace LineageHub.Connectors.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Reads the working tree's state: HEAD, branch, and whether files differ from HEAD. When they do,
    /// the result carries the tree id of the files on disk, a SHA-256 digest of the diff from HEAD, and
    /// a warning that the code is not reproducible from the commit alone.
    /// </summary>
    /// <remarks>
    /// The working tree is snapshotted through a temporary copy of the index (<c>GIT_INDEX_FILE</c>) so
    /// the user's index is never touched; <c>git add --all</c> there stores the changed and untracked
    /// files as blobs in the repository's object database (as <c>git stash</c> would), which lets the
    /// exact code be recovered later from <see cref="GitWorkingState.WorkingTreeId"/>.
    /// </remarks>
    /// <exception cref="GitConnectorException"><see cref="GitErrorKind.BareRepository"/> without a working tree.</exception>
    public async Task<GitWorkingState> GetWorkingStateAsync(CancellationToken cancellationToken = default)
    {
        EnsureWorkingTree();
        var status = await ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        var dirty = status.TrackedChanges + status.Untracked > 0;
        if (!dirty)
        {
            return new GitWorkingState(Root, status.Head, status.Branch, false, 0, 0, null, null, null);
        }

        var tree = await SnapshotWorkingTreeAsync(cancellationToken).ConfigureAwait(false);
        var baseTree = status.Head is { } head
            ? (await _git.RunCheckedAsync(["rev-parse", "--verify", head.Value + "^{tree}"], cancellationToken).ConfigureAwait(false)).Text
            : (await _git.RunCheckedAsync(["hash-object", "-t", "tree", "--stdin"], cancellationToken).ConfigureAwait(false)).Text;
        var digest = await DigestDiffAsync(baseTree, tree.Value, cancellationToken).ConfigureAwait(false);
        var warning = GitMessages.DirtyWarning(Root, status.TrackedChanges, status.Untracked, status.Head, tree, digest);
        return new GitWorkingState(Root, status.Head, status.Branch, true, status.TrackedChanges, status.Untracked, tree, digest, warning);
    }

    private async Task<StatusSummary> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var summary = new StatusSummary();
        await using var process = _git.Start(
            ["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--ignored=no", "--ignore-submodules=none"],
            cancellationToken);
        process.CloseInput();
        using var output = new GitOutputReader(process.Output, process.CommandText, Options.MaxRecordBytes);
        while (true)
        {
            if (output.TryReadRecord(0, out var record))
            {
                summary.Add(record, output.Malformed);
                continue;
            }

            if (!await output.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        await process.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Writes the files on disk as a tree, through a throw-away copy of the index.</summary>
    private async Task<GitObjectId> SnapshotWorkingTreeAsync(CancellationToken cancellationToken)
    {
        var indexPath = (await _git.RunCheckedAsync(
            ["rev-parse", "--path-format=absolute", "--git-path", "index"], cancellationToken).ConfigureAwait(false)).Text;
        var scratch = Directory.CreateTempSubdirectory("lineagehub-git-");
        try
        {
            var scratchIndex = System.IO.Path.Combine(scratch.FullName, "index");
            if (File.Exists(indexPath))
            {
                // A copy keeps the cached stat data, so add only re-reads files that changed.
                File.Copy(indexPath, scratchIndex);
            }

            var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = scratchIndex };
            await _git.RunCheckedAsync(["add", "--all"], cancellationToken, environment: environment).ConfigureAwait(false);
            var tree = (await _git.RunCheckedAsync(["write-tree"], cancellationToken, environment: environment).ConfigureAwait(false)).Text;
            return GitObjectId.TryParse(tree, out var id)
                ? id
                : throw new GitConnectorException(GitErrorKind.MalformedOutput, GitMessages.MalformedOutput("git write-tree", "no tree id"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// SHA-256 over the raw diff between two trees (modes, blob ids, status, NUL-terminated paths;
    /// no rename detection). The raw format is plumbing output, unaffected by diff configuration,
    /// so the digest depends only on the two trees.
    /// </summary>
    private async Task<string> DigestDiffAsync(string fromTree, string toTree, CancellationToken cancellationToken)
    {
        await using var process = _git.Start(
            ["diff-tree", "-r", "-z", "--raw", "--no-renames", "--no-abbrev", "--ignore-submodules=none", fromTree, toTree],
            cancellationToken);
        process.CloseInput();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await process.Output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        await process.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
