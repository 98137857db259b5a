using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Registration;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Tests.Lineage.Diff;

/// <summary>
/// A source → clean → train pipeline registered as the registrars register it: one model version per
/// <see cref="RegisterAsync"/>, from a source version, a commit with pinned script blobs and a learning rate.
/// Snapshot metadata carries columns and a chunk list, so the recorded data diff has something to compare.
/// </summary>
internal sealed class Pipeline(ILineageStore store, string model = "churn")
{
    public const string Repository = "git.example/team/churn";

    private static readonly JobId Clean = new("etl", "clean-customers");
    private static readonly JobId Train = new("ml", "train-churn");

    private readonly List<string> _commits = [];

    /// <summary>One state of the pipeline: what a version is built from.</summary>
    public sealed record State(string[] SourceColumns, string[] SourceChunks, string CleanScript, string TrainScript, string LearningRate, double Accuracy);

    public static State First => new(["email", "id", "score"], ["a1", "a2", "a3"], "clean-1", "train-1", "0.05", 0.91);

    public async Task<ModelVersionId> RegisterAsync(string version, State state)
    {
        var sha = Sha($"{state.CleanScript}/{state.TrainScript}/{_commits.Count}");
        var commit = new Commit(Repository, sha, "Ada", "ada@example.com", DateTimeOffset.UnixEpoch, "Ada", "ada@example.com", DateTimeOffset.UnixEpoch.AddMinutes(_commits.Count), $"commit {_commits.Count}\n\nbody");
        if (!_commits.Contains(sha))
        {
            await new CatalogRegistrar(store).RegisterCommitsAsync(new Repository(Repository), [(commit, _commits.Count == 0 ? [] : [_commits[^1]])]);
            _commits.Add(sha);
        }
        var source = Table("file://lake", "customers", state.SourceColumns, state.SourceChunks);
        var cleaned = Table("file://lake", "customers-clean", state.SourceColumns, [.. state.SourceChunks.Select(c => c + "/" + state.CleanScript)]);
        await new CatalogRegistrar(store).RegisterDatasetVersionAsync(source);
        await new CatalogRegistrar(store).RegisterDatasetVersionAsync(cleaned);
        var code = new CommitId(new RepositoryId(Repository), sha);
        await new RunRegistrar(store).RegisterAsync(new RunRegistration(Clean, JobType.Etl, Guid.NewGuid(), RunStatus.Completed,
            Inputs: [source.Id], Outputs: [cleaned.Id], Code: new CodeReference(code, [new CodeFile("clean.py", Sha(state.CleanScript))])));
        var produced = new ModelVersion(model, version, Metrics: new Dictionary<string, double> { ["accuracy"] = state.Accuracy, ["auc"] = 0.8 });
        await new RunRegistrar(store).RegisterAsync(new RunRegistration(Train, JobType.Training, Guid.NewGuid(), RunStatus.Completed,
            Parameters: new Dictionary<string, string> { ["learning_rate"] = state.LearningRate, ["epochs"] = "10" },
            Inputs: [cleaned.Id], Code: new CodeReference(code, [new CodeFile("train.py", Sha(state.TrainScript))]), Produced: produced));
        return produced.Id;
    }

    public static DatasetVersion Table(string ns, string name, string[] columns, string[] chunks)
    {
        var stored = chunks.Select((c, i) => new { firstRow = i * 1000, rows = 1000, root = Digest.Of(System.Text.Encoding.UTF8.GetBytes(c)).ToString(), firstKey = $"{i * 1000}", lastKey = $"{(i * 1000) + 999}" }).ToArray();
        var metadata = JsonSerializer.SerializeToElement(new { format = "lineagehub-snapshot/1", mode = "table", fileFormat = "csv", columns, key = "id", rows = chunks.Length * 1000, chunks = stored });
        var root = Digest.Of(JsonSerializer.SerializeToUtf8Bytes(metadata));
        return new DatasetVersion(ns, name, root, SnapshotMode.Table, chunks.Length * 1000, chunks.Length * 64_000, "csv", $"{ns}/{name}.csv",
            Digest.Of(System.Text.Encoding.UTF8.GetBytes(string.Join(',', columns))), Snapshot: metadata);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
