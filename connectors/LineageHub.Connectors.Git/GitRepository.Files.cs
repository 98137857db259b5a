using System.Runtime.CompilerServices;
using LineageHub.Connectors.Git.Parsing;

namespace LineageHub.Connectors.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Streams the files of a commit with their blob hashes, modes and sizes — all of them, or those
    /// under <paramref name="paths"/> (repository-relative files or folders). Submodules appear as
    /// <see cref="GitFileKind.Submodule"/> entries pinning a commit. Order is git's (byte order of paths).
    /// </summary>
    /// <exception cref="GitConnectorException">
    /// <see cref="GitErrorKind.UnknownRevision"/>, or <see cref="GitErrorKind.InvalidArgument"/> for a path outside the repository.
    /// </exception>
    public async IAsyncEnumerable<GitFileEntry> EnumerateFilesAsync(
        string revision,
        IReadOnlyCollection<string>? paths = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filters = NormalizePaths(paths);
        var commit = await ResolveCommitAsync(revision, cancellationToken).ConfigureAwait(false);
        List<string> arguments = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit.Value];
        if (filters.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(filters);
        }

        await using var process = _git.Start(arguments, cancellationToken);
        process.CloseInput();
        using var output = new GitOutputReader(process.Output, process.CommandText, Options.MaxRecordBytes);
        while (true)
        {
            if (output.TryReadRecord(0, out var record))
            {
                var entry = LsTreeParser.Parse(record, output.Malformed);
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
                continue;
            }

            if (!await output.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (output.Buffered > 0)
        {
            throw output.Malformed("the last tree entry is not NUL-terminated");
        }

        await process.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the files of a commit (see <see cref="EnumerateFilesAsync"/>); prefer that for huge trees.</summary>
    public async Task<IReadOnlyList<GitFileEntry>> ListFilesAsync(
        string revision,
        IReadOnlyCollection<string>? paths = null,
        CancellationToken cancellationToken = default)
    {
        var files = new List<GitFileEntry>();
        await foreach (var file in EnumerateFilesAsync(revision, paths, cancellationToken).ConfigureAwait(false))
        {
            files.Add(file);
        }

        return files;
    }

    private static List<string> NormalizePaths(IReadOnlyCollection<string>? paths)
    {
        var normalized = new List<string>();
        foreach (var path in paths ?? [])
        {
            ArgumentNullException.ThrowIfNull(path);
            var trimmed = path;
            while (trimmed.StartsWith("./", StringComparison.Ordinal))
            {
                trimmed = trimmed[2..];
            }

            trimmed = trimmed.TrimEnd('/');
            if (trimmed.Length == 0 || trimmed == ".")
            {
                return []; // the root: everything
            }

            if (trimmed.StartsWith('/') || trimmed.Contains('\0', StringComparison.Ordinal) ||
                trimmed.Split('/').Any(segment => segment == ".."))
            {
                throw new GitConnectorException(GitErrorKind.InvalidArgument, GitMessages.InvalidPath(path));
            }

            normalized.Add(trimmed);
        }

        return normalized;
    }
}
