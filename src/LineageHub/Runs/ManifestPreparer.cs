using System.Security.Cryptography;
using System.Text.Json;
using LineageHub.Api.Contracts;
using LineageHub.Client;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Git;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Runs;

/// <summary>
/// Does the work a manifest asks for where the data and code live — snapshots the paths it names, captures
/// the commit and its unrecorded history, hashes the model artifact — and turns it into one
/// <see cref="RunRegistrationJson"/> for the store or server to append whole.
/// </summary>
public sealed class ManifestPreparer(ILineageService service, Func<string, SnapshotMode?, string?, SnapshotRequest> snapshotRequest)
{
    // How many commits back from the run's commit to look for one recorded before, so a capture after a
    // few new commits sends a few commits and not the whole history again.
    private const int MaxRecordedProbes = 1000;

    private readonly ChangeSetBuilder _supporting = ChangeSet.Builder("lineagehub run register");
    private readonly HashSet<NodeKey> _added = [];
    private readonly HashSet<(EdgeKind, NodeKey, NodeKey)> _linked = [];
    private readonly List<string> _warnings = [];

    /// <summary>What to say besides the result: a dirty working tree, mainly.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public async Task<RunRegistrationJson> PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var inputs = await ResolveAsync(manifest.Inputs, cancellationToken);
        var outputs = await ResolveAsync(manifest.Outputs, cancellationToken);
        var environment = new Dictionary<string, string>(manifest.Environment, StringComparer.Ordinal);
        var code = manifest.Code is null ? null : await CaptureAsync(manifest.Code, environment, cancellationToken);
        var model = manifest.Model is null ? null : Model(manifest.Model);
        var supporting = _supporting.Build();
        return new RunRegistrationJson(
            manifest.Job.Namespace,
            manifest.Job.Name,
            manifest.JobType.ToString().ToLowerInvariant(),
            manifest.RunId,
            manifest.Status.ToString().ToLowerInvariant(),
            manifest.StartedAt,
            manifest.EndedAt,
            manifest.Parameters,
            environment,
            inputs,
            outputs,
            code,
            model,
            supporting.Count == 0 ? null : JsonSerializer.Deserialize<JsonElement>(ChangeSetJson.Write(supporting)));
    }

    private async Task<List<string>> ResolveAsync(IReadOnlyList<ManifestData> data, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var item in data)
        {
            if (item.Version is { } version)
            {
                if (!_added.Contains(version.Key) && await service.FindNodeAsync(version.Key.ToString(), cancellationToken) is null)
                {
                    throw LineageHubException.NotFound($"{item.Pointer}: no dataset version {version.Key} is registered");
                }
                ids.Add(version.Key.ToString());
                continue;
            }
            var snapshot = DatasetSnapshotter.Snapshot(snapshotRequest(item.Path!, item.Mode, item.Key), cancellationToken);
            var registered = snapshot.ToDatasetVersion(item.Dataset!.Value.Namespace, item.Dataset.Value.Name, item.Label, new Uri(item.Path!).AbsoluteUri);
            await AddIfMissingAsync(new Dataset(registered.Namespace, registered.Name), cancellationToken);
            Add(registered);
            Link(EdgeKind.VersionOf, registered.Key, new DatasetId(registered.Namespace, registered.Name).Key);
            if (item.Source is { } source)
            {
                var system = new SourceSystem(source, SourceSystemKind.Internal);
                await AddIfMissingAsync(system, cancellationToken);
                Link(EdgeKind.SuppliedBy, registered.Key, system.Key);
            }
            ids.Add(registered.Key.ToString());
        }
        return ids;
    }

    private async Task<RunCodeJson> CaptureAsync(ManifestCode code, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (code.LocalPath is null)
        {
            // A URL: the commit cannot be read from here, so it must have been captured from a checkout before.
            if (!GitRemoteUrl.TryParse(code.Repository, out var remote))
            {
                throw LineageHubException.InvalidInput($"/code/repository: '{code.Repository}' is neither a folder nor a git URL");
            }
            if (code.Files is { Count: > 0 })
            {
                throw LineageHubException.InvalidInput("/code/files: files can only be pinned from a local checkout");
            }
            var commit = new CommitId(new RepositoryId(remote!.Key), code.Commit!.ToLowerInvariant());
            if (await service.FindNodeAsync(commit.Key.ToString(), cancellationToken) is null)
            {
                throw LineageHubException.NotFound($"/code: commit {commit.Sha} of {remote.Key} is not registered; register a run from a checkout of it first, or name the checkout's folder as the repository");
            }
            return new RunCodeJson(remote.Key, commit.Sha, null);
        }
        try
        {
            var repository = await GitRepository.OpenAsync(code.LocalPath, cancellationToken: cancellationToken);
            var identity = await repository.GetIdentityAsync(cancellationToken);
            var sha = (await repository.ResolveCommitAsync(code.Commit ?? "HEAD", cancellationToken)).Value;
            var known = await RecordedAncestorAsync(repository, identity.Key, sha, cancellationToken);
            var captured = await CodeCapture.CaptureAsync(repository, new CodeCaptureRequest
            {
                Revision = code.Commit,
                Paths = code.Files,
                KnownCommits = known is null ? [] : [known],
            }, cancellationToken);
            captured.AddHistoryTo(_supporting);
            if (captured.WorkingState is { IsDirty: true } dirty)
            {
                // The run's own record says it was made from uncommitted code, and which.
                environment["git.dirty"] = "true";
                environment["git.diff_sha256"] = dirty.DiffDigest!;
                environment["git.working_tree"] = dirty.WorkingTreeId!.Value.Value;
                _warnings.Add(dirty.Warning!);
            }
            return new RunCodeJson(identity.Key, sha, [.. captured.Files.Select(f => new RunCodeFileJson(f.Path, f.BlobHash))]);
        }
        catch (GitConnectorException ex)
        {
            throw new LineageHubException(ex.Kind is GitErrorKind.GitNotFound or GitErrorKind.CommandFailed ? ErrorCode.Unavailable : ErrorCode.InvalidInput, $"/code: {ex.Message}");
        }
    }

    // The newest commit of the run's history that is already recorded, if one is within reach: its
    // ancestors are recorded too, since every capture records a commit's whole history.
    private async Task<string?> RecordedAncestorAsync(GitRepository repository, string identity, string sha, CancellationToken cancellationToken)
    {
        var probes = 0;
        await foreach (var commit in repository.EnumerateCommitsAsync(sha, cancellationToken: cancellationToken))
        {
            if (++probes > MaxRecordedProbes)
            {
                return null;
            }
            var key = new CommitId(new RepositoryId(identity), commit.Id.Value).Key;
            if (await service.FindNodeAsync(key.ToString(), cancellationToken) is not null)
            {
                return commit.Id.Value;
            }
        }
        return null;
    }

    private static RunModelJson Model(ManifestModel model)
    {
        var digest = model.Digest;
        string? uri = null;
        if (model.ArtifactPath is { } path)
        {
            if (!File.Exists(path))
            {
                throw LineageHubException.NotFound($"/model/artifact: no file {path}");
            }
            using var file = File.OpenRead(path);
            digest = Digest.FromBytes(SHA256.HashData(file));
            uri = new Uri(path).AbsoluteUri;
        }
        return new RunModelJson(model.Name, model.Version, digest?.ToString(), uri, model.Metrics);
    }

    private async Task AddIfMissingAsync(INode node, CancellationToken cancellationToken)
    {
        // A shared node (a dataset, a source system) is linked to as recorded: stating it again could
        // conflict with details it was given since.
        if (!_added.Contains(node.Key) && await service.FindNodeAsync(node.Key.ToString(), cancellationToken) is null)
        {
            Add(node);
        }
    }

    // A path may be both read and written, or listed twice: each fact goes in once.
    private void Link(EdgeKind kind, NodeKey from, NodeKey to)
    {
        if (_linked.Add((kind, from, to)))
        {
            _supporting.Link(kind, from, to);
        }
    }

    private void Add(INode node)
    {
        if (_added.Add(node.Key))
        {
            _supporting.Add(node);
        }
    }
}
