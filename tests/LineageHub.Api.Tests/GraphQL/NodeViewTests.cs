using System.Text.Json;
using LineageHub.Api.GraphQL;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Storage;
using LineageHub.Integrity;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>
/// A node view reads each field straight from the stored bytes; every field must equal what the decoded
/// record gives (the views used to be built from it), for every kind the schema shows, optional fields set.
/// </summary>
public sealed class NodeViewTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));
    private static readonly Digest Root = Digest.Of([1, 2, 3]);

    public static TheoryData<string> Kinds() => [.. Nodes().Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fields_EqualTheDecodedRecords(string kind)
    {
        var node = Nodes()[kind];
        var record = new NodeRecord(node.Key, NodeCodec.Encode(node), 41);
        var view = NodeView.Of(record)!;
        var expected = Expected(record.ToNode());

        Assert.Equal(node.Key, NodeViews.KeyOf(view));
        Assert.Equal(node.Key.ToString(), view["id"]!.ToString());
        Assert.Equal(41, view["ledgerSeq"]);
        Assert.Equal(kind, view["__typename"]);
        foreach (var (field, value) in expected)
        {
            Assert.True(view.TryGetValue(field, out var actual), field);
            if (Normal(value) is JsonElement json)
            {
                // The same JSON value, numbers compared as numbers: the view passes stored JSON on as it is
                // (1e-7), where the decoded record serializes its doubles afresh (1E-07).
                Assert.True(Normal(actual) is JsonElement shown && JsonElement.DeepEquals(json, shown), $"{field}: {json} vs {actual}");
            }
            else
            {
                Assert.Equal(Normal(value), Normal(actual));
            }
        }
        Assert.False(view.TryGetValue("noSuchField", out _));
    }

    [Fact]
    public void Fields_OfOptionalPropertiesLeftOut_AreNull()
    {
        var version = new DatasetVersion("ns", "sales", Root, SnapshotMode.Table, 10, 20);
        var view = NodeView.Of(new NodeRecord(version.Key, NodeCodec.Encode(version), 1))!;

        foreach (var field in new[] { "format", "storageUri", "schemaFingerprint", "label", "snapshot" })
        {
            Assert.True(view.TryGetValue(field, out var value));
            Assert.Null(value);
        }
        Assert.Equal(10.0, view["leafCount"]);
    }

    // One node of each kind, every optional property set.
    private static Dictionary<string, INode> Nodes()
    {
        var dataset = new Dataset("s3://bucket|raw", "sales%q", "the sales");
        var version = new DatasetVersion("s3://bucket|raw", "sales%q", Root, SnapshotMode.Raw, 3, 4096, "csv", "s3://bucket/sales", Digest.Of([9]), "v1",
            JsonSerializer.SerializeToElement(new { chunks = new[] { 1, 2 }, note = "é \"q\"" }));
        var system = new SourceSystem("crm", SourceSystemKind.Vendor, "the CRM");
        var job = new Job("airflow", "etl", JobType.Training, "fraud", "nightly");
        var run = new Run(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "airflow", "etl", RunStatus.Failed, Time, Time.AddHours(1),
            new Dictionary<string, string> { ["lr"] = "0.1", ["z"] = "a" }, new Dictionary<string, string> { ["python"] = "3.12" });
        var model = new Model("churn", "predicts churn", "marketing");
        var modelVersion = new ModelVersion("churn", "2", Digest.Of([7]), "s3://models/2", new Dictionary<string, double> { ["auc"] = 0.8125, ["loss"] = 1e-7 });
        var repository = new Repository("github.com/acme/ml", "https://github.com/acme/ml.git");
        var commit = new Commit("github.com/acme/ml", "abc123", "Ann", "ann@example.com", Time, "Bob", "bob@example.com", Time.AddMinutes(5), "fix: clean\nmore");
        var file = new SourceFile("github.com/acme/ml", "src/train.py", "def456");
        var check = new Verification(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), version.Key.ToString(), VerificationOutcome.Tampered, Time,
            """{"summary":"2 chunks differ","chunks":[1,2]}""");
        return new()
        {
            ["Dataset"] = dataset, ["DatasetVersion"] = version, ["SourceSystem"] = system, ["Job"] = job, ["Run"] = run, ["Model"] = model,
            ["ModelVersion"] = modelVersion, ["Repository"] = repository, ["Commit"] = commit, ["SourceFile"] = file, ["Verification"] = check,
        };
    }

    // The values the views were built with from the decoded record, before they read the bytes.
    private static Dictionary<string, object?> Expected(INode node) => node switch
    {
        Dataset dataset => new() { ["namespace"] = dataset.Namespace, ["name"] = dataset.Name, ["description"] = dataset.Description },
        DatasetVersion version => new()
        {
            ["namespace"] = version.Namespace, ["name"] = version.Name, ["root"] = version.Root, ["mode"] = version.Mode,
            ["leafCount"] = (double)version.LeafCount, ["byteSize"] = (double)version.ByteSize, ["format"] = version.Format,
            ["storageUri"] = version.StorageUri, ["schemaFingerprint"] = version.SchemaFingerprint, ["label"] = version.Label,
            ["snapshot"] = version.Snapshot, ["datasetKey"] = version.Id.Dataset.Key,
        },
        SourceSystem system => new() { ["name"] = system.Name, ["kind"] = system.Kind, ["description"] = system.Description },
        Job job => new() { ["namespace"] = job.Namespace, ["name"] = job.Name, ["description"] = job.Description, ["type"] = job.Type, ["purpose"] = job.Purpose },
        Run run => new()
        {
            ["runId"] = run.RunId.ToString("D"), ["status"] = run.Status, ["startedAt"] = run.StartedAt, ["endedAt"] = run.EndedAt,
            ["parameters"] = run.Parameters, ["environment"] = run.Environment, ["jobKey"] = new JobId(run.JobNamespace, run.JobName).Key,
        },
        Model model => new() { ["name"] = model.Name, ["description"] = model.Description, ["purpose"] = model.Purpose },
        ModelVersion modelVersion => new()
        {
            ["version"] = modelVersion.Version, ["artifactDigest"] = modelVersion.ArtifactDigest, ["artifactUri"] = modelVersion.ArtifactUri,
            ["metrics"] = modelVersion.Metrics, ["modelKey"] = modelVersion.Id.Model.Key,
        },
        Repository repository => new() { ["identity"] = repository.Identity, ["remoteUrl"] = repository.RemoteUrl },
        Commit commit => new()
        {
            ["sha"] = commit.Sha, ["authorName"] = commit.AuthorName, ["authorEmail"] = commit.AuthorEmail, ["authoredAt"] = commit.AuthoredAt,
            ["committerName"] = commit.CommitterName, ["committerEmail"] = commit.CommitterEmail, ["committedAt"] = commit.CommittedAt,
            ["message"] = commit.Message, ["repositoryKey"] = commit.Id.Repository.Key,
        },
        SourceFile file => new() { ["path"] = file.Path, ["blobHash"] = file.BlobHash, ["repositoryKey"] = file.Id.Repository.Key },
        Verification check => new()
        {
            ["target"] = check.Target, ["outcome"] = check.Outcome, ["checkedAt"] = check.CheckedAt,
            ["summary"] = VerificationEvidence.Summary(check.Evidence), ["evidence"] = VerificationEvidence.Json(check.Evidence),
        },
        _ => throw new ArgumentException(node.GetType().Name),
    };

    [Fact]
    public void Views_OfOneRecord_AreKeptWithTheirValues()
    {
        var run = (Run)Nodes()["Run"];
        var record = new NodeRecord(run.Key, NodeCodec.Encode(run), 7);

        var view = NodeViews.From(record)!;
        var startedAt = view["startedAt"];

        Assert.Same(view, NodeViews.From(record));
        Assert.Same(startedAt, NodeViews.From(record)!["startedAt"]);
        Assert.Same(view["id"], view["id"]);
    }

    [Fact]
    public void Views_OfAnotherRecordOfTheSameNode_ShowThatRecord()
    {
        // Another store (or a test) may hold other properties under the same key: the kept view is the record's own.
        var first = new DatasetVersion("ns", "sales", Root, SnapshotMode.Table, 10, 20);
        var second = first with { LeafCount = 11 };
        var a = NodeViews.From(new NodeRecord(first.Key, NodeCodec.Encode(first), 1))!;
        var b = NodeViews.From(new NodeRecord(second.Key, NodeCodec.Encode(second), 1))!;

        Assert.NotSame(a, b);
        Assert.Equal(10.0, a["leafCount"]);
        Assert.Equal(11.0, b["leafCount"]);
    }

    // JSON-shaped values compare as JSON; times as the time a DateTime writes; everything else by value, with its type.
    private static object? Normal(object? value) => value switch
    {
        IReadOnlyDictionary<string, string> or IReadOnlyDictionary<string, double> => JsonSerializer.SerializeToElement(value),
        DateTimeText text => text.Value,
        _ => value,
    };
}
