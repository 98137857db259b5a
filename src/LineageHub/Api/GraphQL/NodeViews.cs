using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// Stored nodes as the values GraphQL resolves over: a dictionary of the type's plain fields (read by the
/// engine's default resolver), its <c>__typename</c> (which resolves the <c>Node</c> interface) and the
/// node key the neighbour resolvers start from.
/// </summary>
internal static class NodeViews
{
    public const string KeyEntry = "__key";

    // Room for the largest view (a commit's or a version's fields plus id, ledgerSeq and key) from the
    // start: a page of runs builds hundreds of views, and each growing from empty copied itself three times.
    private const int ViewCapacity = 16;

    /// <summary>The view of a node, or null for kinds this schema has no type for yet (consent).</summary>
    public static Dictionary<string, object?>? From(NodeRecord record)
    {
        var view = record.ToNode() switch
        {
            Dataset d => Start("Dataset", d.Namespace, d.Name, d.Description),
            DatasetVersion v => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "DatasetVersion",
                ["namespace"] = v.Namespace,
                ["name"] = v.Name,
                ["root"] = v.Root,
                ["mode"] = v.Mode,
                ["leafCount"] = (double)v.LeafCount,
                ["byteSize"] = (double)v.ByteSize,
                ["format"] = v.Format,
                ["storageUri"] = v.StorageUri,
                ["schemaFingerprint"] = v.SchemaFingerprint,
                ["label"] = v.Label,
                ["snapshot"] = v.Snapshot,
                ["datasetKey"] = v.Id.Dataset.Key,
            },
            SourceSystem s => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "SourceSystem",
                ["name"] = s.Name,
                ["kind"] = s.Kind,
                ["description"] = s.Description,
            },
            Job j => With(Start("Job", j.Namespace, j.Name, j.Description), ("type", j.Type), ("purpose", j.Purpose)),
            Run r => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "Run",
                ["runId"] = r.RunId.ToString("D"),
                ["status"] = r.Status,
                ["startedAt"] = r.StartedAt,
                ["endedAt"] = r.EndedAt,
                ["parameters"] = r.Parameters,
                ["environment"] = r.Environment,
                ["jobKey"] = new JobId(r.JobNamespace, r.JobName).Key,
            },
            Model m => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "Model",
                ["name"] = m.Name,
                ["description"] = m.Description,
                ["purpose"] = m.Purpose,
            },
            ModelVersion mv => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "ModelVersion",
                ["version"] = mv.Version,
                ["artifactDigest"] = mv.ArtifactDigest,
                ["artifactUri"] = mv.ArtifactUri,
                ["metrics"] = mv.Metrics,
                ["modelKey"] = mv.Id.Model.Key,
            },
            Repository repo => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "Repository",
                ["identity"] = repo.Identity,
                ["remoteUrl"] = repo.RemoteUrl,
            },
            Commit c => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "Commit",
                ["sha"] = c.Sha,
                ["authorName"] = c.AuthorName,
                ["authorEmail"] = c.AuthorEmail,
                ["authoredAt"] = c.AuthoredAt,
                ["committerName"] = c.CommitterName,
                ["committerEmail"] = c.CommitterEmail,
                ["committedAt"] = c.CommittedAt,
                ["message"] = c.Message,
                ["repositoryKey"] = c.Id.Repository.Key,
            },
            SourceFile f => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "SourceFile",
                ["path"] = f.Path,
                ["blobHash"] = f.BlobHash,
                ["repositoryKey"] = f.Id.Repository.Key,
            },
            Verification check => new Dictionary<string, object?>(ViewCapacity, StringComparer.Ordinal)
            {
                ["__typename"] = "Verification",
                ["target"] = check.Target,
                ["outcome"] = check.Outcome,
                ["checkedAt"] = check.CheckedAt,
                ["summary"] = LineageHub.Integrity.VerificationEvidence.Summary(check.Evidence),
                ["evidence"] = LineageHub.Integrity.VerificationEvidence.Json(check.Evidence),
            },
            _ => null,
        };
        if (view is not null)
        {
            view["id"] = record.Key.ToString();
            view["ledgerSeq"] = checked((int)record.Seq);
            view[KeyEntry] = record.Key;
        }
        return view;
    }

    /// <summary>The node key of a view (the parent value of a neighbour resolver).</summary>
    public static NodeKey KeyOf(object? source) =>
        source is IReadOnlyDictionary<string, object?> view && view.TryGetValue(KeyEntry, out var key) && key is NodeKey k
            ? k
            : throw new InvalidOperationException("a node field was resolved on a value that is not a node view");

    /// <summary>A key a view carries for a neighbour it names in its own record (a version's dataset, say).</summary>
    public static NodeKey Named(object? source, string entry) =>
        source is IReadOnlyDictionary<string, object?> view && view.TryGetValue(entry, out var key) && key is NodeKey k
            ? k
            : throw new InvalidOperationException($"a node view has no {entry}");

    private static Dictionary<string, object?> Start(string type, string ns, string name, string? description) => new(ViewCapacity, StringComparer.Ordinal)
    {
        ["__typename"] = type,
        ["namespace"] = ns,
        ["name"] = name,
        ["description"] = description,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> view, params (string Name, object? Value)[] entries)
    {
        foreach (var (name, value) in entries)
        {
            view[name] = value;
        }
        return view;
    }
}
