using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Registration;

namespace LineageHub.Api.Contracts;

/// <summary>
/// A run to register, as <c>lineagehub run register</c> sends it (<c>POST /api/runs</c>): the run itself,
/// and the facts it stands on that the client gathered — snapshotted dataset versions, captured commits —
/// in <see cref="Supporting"/>, a change set in the ledger's JSON form. Both are appended as one change set.
/// </summary>
public sealed record RunRegistrationJson(
    string JobNamespace,
    string JobName,
    string JobType,
    Guid RunId,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, string>? Parameters,
    IReadOnlyDictionary<string, string>? Environment,
    IReadOnlyList<string>? Inputs,
    IReadOnlyList<string>? Outputs,
    RunCodeJson? Code,
    RunModelJson? Model,
    JsonElement? Supporting)
{
    /// <summary>The registration in domain terms; ids that do not parse are bad input.</summary>
    public RunRegistration ToRegistration() => new(
        new JobId(JobNamespace, JobName),
        ParseEnum<JobType>(JobType, "job type"),
        RunId,
        ParseEnum<RunStatus>(Status, "run status"),
        StartedAt,
        EndedAt,
        Parameters,
        Environment,
        [.. (Inputs ?? []).Select(VersionId)],
        [.. (Outputs ?? []).Select(VersionId)],
        Code is null ? null : new CodeReference(new CommitId(new RepositoryId(Code.Repository), Code.Commit), [.. (Code.Files ?? []).Select(f => new CodeFile(f.Path, f.BlobHash))]),
        Model is null ? null : new ModelVersion(Model.Name, Model.Version, Model.ArtifactDigest is null ? null : Digest.Parse(Model.ArtifactDigest), Model.ArtifactUri, Model.Metrics));

    private static DatasetVersionId VersionId(string id)
    {
        return DatasetVersionId.TryFromKey(NodeKey.Parse(id), out var version)
            ? version
            : throw Core.LineageHubException.InvalidInput($"'{id}' is not a dataset version id (dataset_version:NAMESPACE|NAME|ROOT)");
    }

    private static T ParseEnum<T>(string text, string what) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw Core.LineageHubException.InvalidInput($"'{text}' is not a {what} ({string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))})");
}
