using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Git;

/// <summary>
/// Captures the code behind a run from a git repository as lineage facts (<see cref="CapturedCode"/>):
/// the repository by its normalised identity, the commit and the history not yet recorded, and the
/// commit's files pinned to their blob hashes.
/// </summary>
public static class CodeCapture
{
    public static async Task<CapturedCode> CaptureAsync(GitRepository repository, CodeCaptureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(request);
        var identity = await repository.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
        var repositoryNode = new Repository(identity.Key, identity.RemoteUrl);

        GitWorkingState? working = null;
        var revision = request.Revision;
        if (revision is null)
        {
            working = await repository.GetWorkingStateAsync(cancellationToken).ConfigureAwait(false);
            revision = (working.HeadCommit ?? throw new GitConnectorException(GitErrorKind.NoCommits, GitMessages.NoCommits(repository.Root))).Value;
        }
        var sha = (await repository.ResolveCommitAsync(revision, cancellationToken).ConfigureAwait(false)).Value;

        var commits = new List<CapturedCommit>();
        if (!request.KnownCommits.Contains(sha))
        {
            await foreach (var info in repository.EnumerateCommitsAsync(sha, request.KnownCommits, GitCommitOrder.ParentsFirst, cancellationToken).ConfigureAwait(false))
            {
                commits.Add(new CapturedCommit(ToNode(identity.Key, info), [.. info.Parents.Select(p => p.Value)]));
            }
        }
        var commit = commits.Count > 0 && commits[^1].Commit.Sha == sha
            ? commits[^1].Commit
            : ToNode(identity.Key, await repository.GetCommitAsync(sha, cancellationToken).ConfigureAwait(false));

        var files = new List<SourceFile>();
        if (request.Paths is not null)
        {
            await foreach (var entry in repository.EnumerateFilesAsync(sha, request.Paths, cancellationToken).ConfigureAwait(false))
            {
                files.Add(new SourceFile(identity.Key, entry.Path.Text, entry.ObjectId.Value));
            }
        }
        return new CapturedCode(repositoryNode, commit, commits, files, working);
    }

    private static Commit ToNode(string repository, GitCommitInfo info) => new(
        repository,
        info.Id.Value,
        info.Author.Name.Text,
        info.Author.Email.Text,
        info.Author.When,
        info.Committer.Name.Text,
        info.Committer.Email.Text,
        info.Committer.When,
        info.Message.Text);
}
