namespace LineageHub.Connectors.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Identifies the repository: by the normalised URL of its <c>origin</c> remote (or, without one, the
    /// first remote by name), so every clone of a remote is one repository; without remotes, by the root
    /// commit reached from HEAD by first parents, and this folder.
    /// </summary>
    /// <exception cref="GitConnectorException">
    /// <see cref="GitErrorKind.NoCommits"/> without remotes or commits; <see cref="GitErrorKind.ShallowClone"/>
    /// for a shallow clone without remotes (its root commit is missing).
    /// </exception>
    public async Task<GitRepositoryIdentity> GetIdentityAsync(CancellationToken cancellationToken = default)
    {
        var remotes = await ReadRemotesAsync(cancellationToken).ConfigureAwait(false);
        var chosen = remotes.FirstOrDefault(r => r.Name == "origin");
        if (chosen.Name is null && remotes.Count > 0)
        {
            chosen = remotes.OrderBy(r => r.Name, StringComparer.Ordinal).First();
        }

        if (chosen.Name is not null && GitRemoteUrl.TryParse(chosen.Url, out var remote))
        {
            var key = remote!.Host.Length == 0 ? NormalizeLocalRemote(remote) : remote.Key;
            return new GitRepositoryIdentity(GitIdentityKind.Remote, key, chosen.Name, remote.SanitizedUrl, null, Root);
        }

        if (IsShallow)
        {
            throw new GitConnectorException(GitErrorKind.ShallowClone, GitMessages.ShallowNoRoot(Root, ShallowBoundary))
            {
                ShallowBoundary = ShallowBoundary,
            };
        }

        var head = await ResolveCommitAsync("HEAD", cancellationToken).ConfigureAwait(false);
        // Following first parents ends at exactly one root, even when unrelated histories were merged in.
        var roots = await _git.RunCheckedAsync(
            ["rev-list", "--first-parent", "--max-parents=0", head.Value], cancellationToken).ConfigureAwait(false);
        var last = roots.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (!GitObjectId.TryParse(last, out var root))
        {
            throw new GitConnectorException(GitErrorKind.MalformedOutput, GitMessages.MalformedOutput(roots.CommandText, "no root commit"));
        }

        return new GitRepositoryIdentity(GitIdentityKind.Local, root.Value + ":" + Root, null, null, root, Root);
    }

    /// <summary>A remote on a local disk is identified by its absolute path (relative URLs are relative to this repository).</summary>
    private string NormalizeLocalRemote(GitRemoteUrl remote)
    {
        var raw = remote.SanitizedUrl.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? "/" + remote.Path
            : System.IO.Path.GetFullPath(remote.SanitizedUrl, Root);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(raw));
        return full.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? full[..^4].TrimEnd('/') : full;
    }

    private async Task<List<(string Name, string Url)>> ReadRemotesAsync(CancellationToken cancellationToken)
    {
        // git-config(1) -z: each entry is "KEY LF VALUE NUL"; exit code 1 means no such keys.
        var result = await _git.RunAsync(
            ["config", "-z", "--get-regexp", @"^remote\..*\.url$"], cancellationToken).ConfigureAwait(false);
        var remotes = new List<(string, string)>();
        if (result.ExitCode == 1)
        {
            return remotes;
        }

        result.EnsureSuccess();
        foreach (var entry in result.Output.AsSpan().Split((byte)0))
        {
            var record = result.Output.AsSpan()[entry];
            if (record.IsEmpty)
            {
                continue;
            }

            var newline = record.IndexOf((byte)'\n');
            if (newline < 0)
            {
                throw new GitConnectorException(GitErrorKind.MalformedOutput, GitMessages.MalformedOutput(result.CommandText, "an entry has no value"));
            }

            var key = GitText.FromBytes(record[..newline]).Text;
            var name = key["remote.".Length..^".url".Length];
            remotes.Add((name, GitText.FromBytes(record[(newline + 1)..]).Text));
        }

        return remotes;
    }
}
