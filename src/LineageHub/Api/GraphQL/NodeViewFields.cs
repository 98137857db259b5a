using System.Collections.Frozen;
using System.Text.Json;
using LineageHub.Core.Hashing;
using LineageHub.Core.Domain;
using LineageHub.Integrity;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The fields a <see cref="NodeView"/> of one node kind answers: its GraphQL type name and, per field, how to
/// read the value from the view. Built once per kind; every view of the kind shares it.
/// </summary>
internal sealed class NodeViewFields
{
    private static readonly FrozenDictionary<NodeKind, NodeViewFields> ByKind = new Dictionary<NodeKind, NodeViewFields>
    {
        [NodeKind.Dataset] = Make("Dataset", new()
        {
            ["namespace"] = Text("namespace"),
            ["name"] = Text("name"),
            ["description"] = Text("description"),
        }),
        [NodeKind.DatasetVersion] = Make("DatasetVersion", new()
        {
            ["namespace"] = Text("namespace"),
            ["name"] = Text("name"),
            ["root"] = Typed<Digest>("root"),
            ["mode"] = Enum<SnapshotMode>("mode"),
            ["leafCount"] = Number("leafCount"),
            ["byteSize"] = Number("byteSize"),
            ["format"] = Text("format"),
            ["storageUri"] = Text("storageUri"),
            ["schemaFingerprint"] = Typed<Digest>("schemaFingerprint"),
            ["label"] = Text("label"),
            ["snapshot"] = Json("snapshot"),
            ["datasetKey"] = Key("namespace", "name", (ns, name) => new DatasetId(ns, name!).Key),
        }),
        [NodeKind.SourceSystem] = Make("SourceSystem", new()
        {
            ["name"] = Text("name"),
            ["kind"] = Enum<SourceSystemKind>("kind"),
            ["description"] = Text("description"),
        }),
        [NodeKind.Job] = Make("Job", new()
        {
            ["namespace"] = Text("namespace"),
            ["name"] = Text("name"),
            ["description"] = Text("description"),
            ["type"] = Enum<JobType>("type"),
            ["purpose"] = Text("purpose"),
        }),
        [NodeKind.Run] = Make("Run", new()
        {
            ["runId"] = Stored(StoredProperty.Typed<Guid>("runId"), id => ((Guid)id).ToString("D")),
            ["status"] = Enum<RunStatus>("status"),
            ["startedAt"] = Time("startedAt"),
            ["endedAt"] = Time("endedAt"),
            // JSON fields are read as JSON: one parse of the stored value, no dictionary to serialize again.
            ["parameters"] = Json("parameters"),
            ["environment"] = Json("environment"),
            ["jobKey"] = Key("jobNamespace", "jobName", (ns, name) => new JobId(ns, name!).Key),
        }),
        [NodeKind.Model] = Make("Model", new()
        {
            ["name"] = Text("name"),
            ["description"] = Text("description"),
            ["purpose"] = Text("purpose"),
        }),
        [NodeKind.ModelVersion] = Make("ModelVersion", new()
        {
            ["version"] = Text("version"),
            ["artifactDigest"] = Typed<Digest>("artifactDigest"),
            ["artifactUri"] = Text("artifactUri"),
            ["metrics"] = Json("metrics"),
            ["modelKey"] = Key("modelName", null, (name, _) => new ModelId(name).Key),
        }),
        [NodeKind.Repository] = Make("Repository", new()
        {
            ["identity"] = Text("identity"),
            ["remoteUrl"] = Text("remoteUrl"),
        }),
        [NodeKind.Commit] = Make("Commit", new()
        {
            ["sha"] = Text("sha"),
            ["authorName"] = Text("authorName"),
            ["authorEmail"] = Text("authorEmail"),
            ["authoredAt"] = Time("authoredAt"),
            ["committerName"] = Text("committerName"),
            ["committerEmail"] = Text("committerEmail"),
            ["committedAt"] = Time("committedAt"),
            ["message"] = Text("message"),
            ["repositoryKey"] = Key("repositoryIdentity", null, (identity, _) => new RepositoryId(identity).Key),
        }),
        [NodeKind.SourceFile] = Make("SourceFile", new()
        {
            ["path"] = Text("path"),
            ["blobHash"] = Text("blobHash"),
            ["repositoryKey"] = Key("repositoryIdentity", null, (identity, _) => new RepositoryId(identity).Key),
        }),
        // Checks are few and their evidence is summarised from the whole record.
        [NodeKind.Verification] = Make("Verification", new()
        {
            ["target"] = Text("target"),
            ["outcome"] = Enum<VerificationOutcome>("outcome"),
            ["checkedAt"] = Time("checkedAt"),
            ["summary"] = view => VerificationEvidence.Summary(((Verification)view.Node).Evidence),
            ["evidence"] = view => VerificationEvidence.Json(((Verification)view.Node).Evidence),
        }),
    }.ToFrozenDictionary();

    private NodeViewFields(string typeName, FrozenDictionary<string, Func<NodeView, object?>> readers)
    {
        TypeName = typeName;
        Names = readers.Keys;
        // A slot per field, in the frozen map's own order, so a view keeps each value it made in an array.
        var fields = new Dictionary<string, ViewField>(StringComparer.Ordinal);
        for (var slot = 0; slot < readers.Count; slot++)
        {
            fields[readers.Keys[slot]] = new ViewField(slot, readers.Values[slot]);
        }
        Fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string TypeName { get; }

    /// <summary>The field names, in slot order.</summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>Per field name, its slot in a view's values and how to make its value.</summary>
    public FrozenDictionary<string, ViewField> Fields { get; }

    /// <summary>The fields of <paramref name="kind"/>, or null for kinds the schema has no type for.</summary>
    public static NodeViewFields? For(NodeKind kind) => ByKind.GetValueOrDefault(kind);

    // Every view answers its type name, id, ledger entry and key besides its kind's own fields.
    private static NodeViewFields Make(string typeName, Dictionary<string, Func<NodeView, object?>> fields)
    {
        var readers = new Dictionary<string, Func<NodeView, object?>>(fields, StringComparer.Ordinal)
        {
            ["__typename"] = _ => typeName,
            // Encoded once: a view outlives its request (NodeViewCache), and a page writes its ids every time.
            ["id"] = view => GlobalId.Encoded(view.Key),
            ["ledgerSeq"] = view => checked((int)view.Seq),
            [NodeViews.KeyEntry] = view => view.Key,
        };
        return new NodeViewFields(typeName, readers.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static Func<NodeView, object?> Text(string name) => Stored(StoredProperty.Text(name));

    private static Func<NodeView, object?> Number(string name) => Stored(StoredProperty.Number(name));

    // As the DateTime scalar writes it, so the view keeps the value the response needs.
    private static Func<NodeView, object?> Time(string name) => Stored(StoredProperty.Time(name), time => new DateTimeText((DateTimeOffset)time));

    private static Func<NodeView, object?> Enum<T>(string name)
        where T : struct, System.Enum => Stored(StoredProperty.Enum<T>(name));

    private static Func<NodeView, object?> Typed<T>(string name) => Stored(StoredProperty.Typed<T>(name));

    private static Func<NodeView, object?> Json(string name) => Stored(StoredProperty.Json(name));

    private static Func<NodeView, object?> Stored(StoredProperty property) => view => view.Read(property);

    private static Func<NodeView, object?> Stored(StoredProperty property, Func<object, object?> then) =>
        view => view.Read(property) is { } value ? then(value) : null;

    // The key of a neighbour the record names by one or two of its string properties (a version's dataset).
    private static Func<NodeView, object?> Key(string first, string? second, Func<string, string?, NodeKey> make)
    {
        var a = StoredProperty.Text(first);
        var b = second is null ? null : StoredProperty.Text(second);
        return view => make(view.Text(a), b is null ? null : view.Text(b));
    }
}
