using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Registration;

/// <summary>
/// Registers datasets, dataset versions and commits, each call as one change set, idempotent by natural
/// key: the same facts again change nothing; other content under the same key is a conflict. Shared
/// nodes a fact hangs from (a version's dataset, a dataset's source system) are created when missing
/// and otherwise left as recorded.
/// </summary>
public sealed class CatalogRegistrar(ILineageStore store)
{
    /// <summary>A dataset, optionally SUPPLIED_BY a source system.</summary>
    public async Task<AppendResult> RegisterDatasetAsync(Dataset dataset, SourceSystem? suppliedBy = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = ChangeSet.Builder(actor).Add(dataset);
        if (suppliedBy is not null)
        {
            await AddIfMissingAsync(builder, suppliedBy, cancellationToken).ConfigureAwait(false);
            builder.Link(EdgeKind.SuppliedBy, dataset.Key, suppliedBy.Key);
        }
        return await store.AppendAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dataset version (a snapshot's metadata), VERSION_OF its dataset, created when missing.</summary>
    public async Task<AppendResult> RegisterDatasetVersionAsync(DatasetVersion version, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var dataset = new Dataset(version.Namespace, version.Name);
        var builder = ChangeSet.Builder(actor);
        await AddIfMissingAsync(builder, dataset, cancellationToken).ConfigureAwait(false);
        builder.Add(version).Link(EdgeKind.VersionOf, version.Key, dataset.Key);
        return await store.AppendAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits of one repository (created when missing), each IN_REPO it, with PARENT edges to the parents
    /// that are recorded or given here; parents outside both (the edge of a captured range) are not linked.
    /// </summary>
    public async Task<AppendResult> RegisterCommitsAsync(Repository repository, IReadOnlyList<(Commit Commit, IReadOnlyList<string> Parents)> commits, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            throw LineageHubException.InvalidInput(RegistrationMessages.NoCommits);
        }
        var builder = ChangeSet.Builder(actor);
        await AddIfMissingAsync(builder, repository, cancellationToken).ConfigureAwait(false);
        var given = new HashSet<NodeKey>();
        foreach (var (commit, _) in commits)
        {
            if (commit.Id.Repository != repository.Id)
            {
                throw LineageHubException.InvalidInput(RegistrationMessages.CommitOfOtherRepository(commit.Id, repository.Id));
            }
            given.Add(commit.Key);
        }
        var parentKeys = commits.SelectMany(c => c.Parents).Distinct(StringComparer.Ordinal).Select(sha => new CommitId(repository.Id, sha).Key).ToList();
        var recorded = await store.FindNodesAsync(parentKeys, cancellationToken).ConfigureAwait(false);
        foreach (var (commit, parents) in commits)
        {
            builder.Add(commit).Link(EdgeKind.InRepo, commit.Key, repository.Key);
            foreach (var parent in parents.Select(sha => new CommitId(repository.Id, sha).Key))
            {
                if (given.Contains(parent) || recorded.ContainsKey(parent))
                {
                    builder.Link(EdgeKind.Parent, commit.Key, parent);
                }
            }
        }
        return await store.AppendAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    private async Task AddIfMissingAsync(ChangeSetBuilder builder, INode node, CancellationToken cancellationToken)
    {
        if (await store.FindNodeAsync(node.Key, cancellationToken).ConfigureAwait(false) is null)
        {
            builder.Add(node);
        }
    }
}
