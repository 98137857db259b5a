using LineageHub.Connectors.Git.Execution;

namespace LineageHub.Connectors.Git;

/// <summary>
/// A git repository on this machine, inspected by running the <c>git</c> executable with
/// machine-readable output only. Open one with <see cref="OpenAsync"/>; every method starts a bounded
/// number of git processes (never one per commit) and streams what can be large.
/// </summary>
public sealed partial class GitRepository
{
    private readonly GitRunner _git;

    private GitRepository(GitRunner git, string root, string gitDirectory, bool isBare, IReadOnlyList<GitObjectId> shallowBoundary)
    {
        _git = git;
        Root = root;
        GitDirectory = gitDirectory;
        IsBare = isBare;
        ShallowBoundary = shallowBoundary;
    }

    /// <summary>The working tree's top-level folder (for a bare repository, the repository folder).</summary>
    public string Root { get; }

    /// <summary>The repository's git directory.</summary>
    public string GitDirectory { get; }

    /// <summary>True for a repository without a working tree.</summary>
    public bool IsBare { get; }

    /// <summary>True for a shallow clone: history stops at <see cref="ShallowBoundary"/>.</summary>
    public bool IsShallow => ShallowBoundary.Count > 0;

    /// <summary>The commits whose parents a shallow clone lacks; empty for a complete repository.</summary>
    public IReadOnlyList<GitObjectId> ShallowBoundary { get; }

    /// <summary>The options git runs with.</summary>
    public GitConnectorOptions Options => _git.Options;

    /// <summary>
    /// Opens the repository containing <paramref name="path"/>.
    /// </summary>
    /// <exception cref="GitConnectorException">
    /// <see cref="GitErrorKind.NotARepository"/> when the folder is missing or not in a repository,
    /// <see cref="GitErrorKind.GitNotFound"/> when git cannot be started.
    /// </exception>
    public static async Task<GitRepository> OpenAsync(string path, GitConnectorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= GitConnectorOptions.Default;
        var folder = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(folder))
        {
            throw new GitConnectorException(GitErrorKind.NotARepository, GitMessages.PathNotFound(folder));
        }

        var git = new GitRunner(options, folder);
        var probe = await git.RunAsync(
            ["rev-parse", "--path-format=absolute", "--git-dir", "--is-bare-repository", "--git-path", "shallow"],
            cancellationToken).ConfigureAwait(false);
        if (!probe.Succeeded)
        {
            throw new GitConnectorException(GitErrorKind.NotARepository, GitMessages.NotARepository(folder, probe.Error));
        }

        var lines = probe.Text.Split('\n');
        if (lines[0].StartsWith("--path-format", StringComparison.Ordinal))
        {
            // rev-parse echoes options it does not know: this git predates --path-format.
            throw new GitConnectorException(GitErrorKind.UnsupportedGitVersion, GitMessages.GitTooOld(options.GitExecutable));
        }

        if (lines.Length != 3)
        {
            throw new GitConnectorException(GitErrorKind.MalformedOutput, GitMessages.MalformedOutput(probe.CommandText, "expected three lines"));
        }

        var gitDirectory = lines[0];
        var isBare = lines[1] == "true";
        var boundary = await ReadShallowFileAsync(lines[2], cancellationToken).ConfigureAwait(false);

        var root = gitDirectory;
        if (!isBare)
        {
            var top = await git.RunAsync(["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
            if (!top.Succeeded)
            {
                throw new GitConnectorException(GitErrorKind.NotARepository, GitMessages.NotARepository(folder, top.Error));
            }

            root = top.Text;
        }

        return new GitRepository(new GitRunner(options, root), root, gitDirectory, isBare, boundary);
    }

    /// <summary>Resolves a revision (sha, abbreviated sha, branch, tag, <c>HEAD~2</c>…) to the commit it names.</summary>
    /// <exception cref="GitConnectorException"><see cref="GitErrorKind.UnknownRevision"/> or <see cref="GitErrorKind.NoCommits"/>.</exception>
    public async Task<GitObjectId> ResolveCommitAsync(string revision, CancellationToken cancellationToken = default)
    {
        ValidateRevision(revision);
        var result = await _git.RunAsync(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"],
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && GitObjectId.TryParse(result.Text, out var id))
        {
            return id;
        }

        if (revision == "HEAD" && !await HasHeadCommitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new GitConnectorException(GitErrorKind.NoCommits, GitMessages.NoCommits(Root));
        }

        throw new GitConnectorException(GitErrorKind.UnknownRevision, GitMessages.UnknownRevision(revision, Root));
    }

    private async Task<bool> HasHeadCommitAsync(CancellationToken cancellationToken) =>
        (await _git.RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken).ConfigureAwait(false)).Succeeded;

    private static void ValidateRevision(string revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        // Revisions travel as stdin lines to rev-list and cat-file; a line break would smuggle in another.
        if (revision.Length == 0 || revision.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new GitConnectorException(GitErrorKind.InvalidArgument, GitMessages.InvalidRevision(revision));
        }
    }

    private static async Task<IReadOnlyList<GitObjectId>> ReadShallowFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // gitrepository-layout(5): "shallow" lists, one per line, the commits whose parents are cut off.
        var boundary = new List<GitObjectId>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (GitObjectId.TryParse(line.Trim(), out var id))
            {
                boundary.Add(id);
            }
        }

        boundary.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return boundary;
    }

    private void EnsureCompleteHistory()
    {
        if (IsShallow && !Options.AllowShallowHistory)
        {
            throw new GitConnectorException(GitErrorKind.ShallowClone, GitMessages.ShallowClone(Root, ShallowBoundary))
            {
                ShallowBoundary = ShallowBoundary,
            };
        }
    }

    private void EnsureWorkingTree()
    {
        if (IsBare)
        {
            throw new GitConnectorException(GitErrorKind.BareRepository, GitMessages.BareRepository(Root));
        }
    }
}
