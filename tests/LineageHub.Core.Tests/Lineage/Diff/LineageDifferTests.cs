using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Core.Tests.Lineage.Diff;

/// <summary>
/// The lineage diff over the embedded store, on pipelines registered as the registrars register them. The
/// scenario with real files and real git repositories runs through the CLI in LineageHub.Tests.
/// </summary>
public sealed class LineageDifferTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Diff_OfAModelVersionWithItself_IsEmpty()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var v1 = await new Pipeline(store).RegisterAsync("1", Pipeline.First);

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(v1.Key, v1.Key));

        Assert.True(diff.IsEmpty);
        Assert.False(diff.Truncated);
        Assert.Empty(diff.Warnings);
        Assert.All(diff.Metrics, m => Assert.Equal(0, m.Delta));
        Assert.Equal(["accuracy", "auc"], diff.Metrics.Select(m => m.Name));
    }

    [Fact]
    public async Task Diff_SourceDataAndScriptChanged_MarksThoseTwoAsRootCauses_AndTheRestAsConsequences()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var pipeline = new Pipeline(store);
        var v1 = await pipeline.RegisterAsync("1", Pipeline.First);
        var v2 = await pipeline.RegisterAsync("2", Pipeline.First with
        {
            SourceColumns = ["id", "score"],
            SourceChunks = ["a1", "b2", "a3"],
            CleanScript = "clean-2",
            LearningRate = "0.01",
            Accuracy = 0.84,
        });

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(v1.Key, v2.Key));

        var summary = diff.Changes.Select(c => (c.Kind, c.Subject, c.RootCause)).ToList();
        Assert.Equal(
        [
            (ChangeKind.Code, "etl/clean-customers", true),
            (ChangeKind.Data, "file://lake/customers", true),
            (ChangeKind.Data, "file://lake/customers-clean", false),
            (ChangeKind.Parameter, "ml/train-churn", false),
            (ChangeKind.Metric, "churn@2", false),
        ], summary);
        var source = diff.Changes[1].Data!;
        Assert.Equal(["email"], source.ColumnsRemoved);
        Assert.Empty(source.ColumnsAdded);
        Assert.True(source.SchemaChanged);
        // Only the middle chunk differs: keys 1000…1999, 1000 rows out and 1000 in.
        var range = Assert.Single(source.Chunks!.Ranges);
        Assert.Equal(("1000", "1999", 1000L, 1000L), (range.FirstKey, range.LastKey, range.RowsBefore, range.RowsAfter));
        var code = diff.Changes[0].Code!;
        Assert.True(code.FilesPinned);
        Assert.Equal([new CodeFileChange("clean.py", FileChangeKind.Modified)], code.Files);
        Assert.Equal(["commit 1"], code.CommitsAdded.Select(c => c.Subject));
        Assert.Empty(code.CommitsDropped);
        Assert.Equal(new ValueChange("learning_rate", "0.05", "0.01"), diff.Changes[3].Value);
        var accuracy = diff.Changes[4].Metric!;
        Assert.Equal(-0.07, accuracy.Delta!.Value, 9);
        // The script is four edges up (model ← training run ← cleaned data ← cleaning run ← script); the source
        // three, since the store links the cleaned data DERIVED_FROM the source it was made from.
        Assert.Equal([4, 3, 2, 1, 0], diff.Changes.Select(c => c.Distance));
    }

    [Fact]
    public async Task Diff_ACommitThatLeavesTheRunsFilesAlone_IsNoCodeChange()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var pipeline = new Pipeline(store);
        var v1 = await pipeline.RegisterAsync("1", Pipeline.First);
        var v2 = await pipeline.RegisterAsync("2", Pipeline.First with { LearningRate = "0.2" });

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(v1.Key, v2.Key));

        // The runs' commits differ, but neither run's pinned file did: only the parameter changed, and it is
        // the root cause since nothing upstream of the training run changed.
        var change = Assert.Single(diff.Changes);
        Assert.Equal((ChangeKind.Parameter, true), (change.Kind, change.RootCause));
        Assert.DoesNotContain(diff.Metrics, m => m.Changed);
    }

    [Fact]
    public async Task Diff_OfVersionsWithDisjointLineage_ReportsEveryJobAndDatasetAsAddedOrRemoved()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var churn = await new Pipeline(store, "churn").RegisterAsync("1", Pipeline.First);
        var other = Pipeline.Table("s3://vendor", "bureau", ["id", "band"], ["x1"]);
        await new Registration.CatalogRegistrar(store).RegisterDatasetVersionAsync(other);
        var fraud = new ModelVersion("fraud", "1", Metrics: new Dictionary<string, double> { ["accuracy"] = 0.7 });
        await new Registration.RunRegistrar(store).RegisterAsync(new Registration.RunRegistration(new JobId("ml", "train-fraud"), JobType.Training, Guid.NewGuid(), RunStatus.Completed, Inputs: [other.Id], Produced: fraud));

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(churn.Key, fraud.Key));

        Assert.Equal(
        [
            (ChangeKind.DatasetRemoved, "file://lake/customers", true),
            (ChangeKind.JobRemoved, "etl/clean-customers", false),
            (ChangeKind.DatasetAdded, "s3://vendor/bureau", true),
            (ChangeKind.DatasetRemoved, "file://lake/customers-clean", false),
            (ChangeKind.JobAdded, "ml/train-fraud", false),
            (ChangeKind.JobRemoved, "ml/train-churn", false),
            (ChangeKind.Metric, "fraud@1", false),
            (ChangeKind.Metric, "fraud@1", false),
        ], diff.Changes.Select(c => (c.Kind, c.Subject, c.RootCause)));
        Assert.Equal([new MetricDelta("accuracy", 0.91, 0.7), new MetricDelta("auc", 0.8, null)], diff.Metrics);
    }

    [Fact]
    public async Task Diff_BeyondTheDepthBudget_SaysTheLineageWasTruncated()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var pipeline = new Pipeline(store);
        var v1 = await pipeline.RegisterAsync("1", Pipeline.First);
        var v2 = await pipeline.RegisterAsync("2", Pipeline.First with { SourceChunks = ["z1", "a2", "a3"] });

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(v1.Key, v2.Key) { MaxDepth = 2 });

        Assert.True(diff.Truncated);
        Assert.Equal(TruncationReason.Depth, diff.ToLineage.Truncation);
        Assert.Contains(DiffMessages.Truncated("to", TruncationReason.Depth), diff.Warnings);
        // Within two edges: the cleaned data changed; the source change that caused it is out of reach.
        Assert.Equal([(ChangeKind.Data, "file://lake/customers-clean")], diff.Changes.Select(c => (c.Kind, c.Subject)));
    }

    [Fact]
    public async Task Diff_OfTwoRuns_ComparesTheirInputsAndParameters_AndAnInputSwapIsOneChange()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var a = Pipeline.Table("file://lake", "events", ["id"], ["e1"]);
        var b = Pipeline.Table("file://lake", "events-v2", ["id"], ["e1"]);
        var registrar = new Registration.CatalogRegistrar(store);
        await registrar.RegisterDatasetVersionAsync(a);
        await registrar.RegisterDatasetVersionAsync(b);
        var job = new JobId("etl", "aggregate");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var runs = new Registration.RunRegistrar(store);
        await runs.RegisterAsync(new Registration.RunRegistration(job, JobType.Etl, first, RunStatus.Completed, Parameters: new Dictionary<string, string> { ["window"] = "7d" }, Inputs: [a.Id]));
        await runs.RegisterAsync(new Registration.RunRegistration(job, JobType.Etl, second, RunStatus.Completed, Parameters: new Dictionary<string, string> { ["window"] = "7d", ["region"] = "eu" }, Inputs: [b.Id]));

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(new RunId(first).Key, new RunId(second).Key));

        Assert.Equal(
        [
            (ChangeKind.DatasetAdded, "file://lake/events-v2"),
            (ChangeKind.DatasetRemoved, "file://lake/events"),
            (ChangeKind.InputSwapped, "etl/aggregate"),
            (ChangeKind.Parameter, "etl/aggregate"),
        ], diff.Changes.Select(c => (c.Kind, c.Subject)));
        Assert.Equal(new InputChange(a.Id.Dataset, a.Key, b.Id.Dataset, b.Key), diff.Changes[2].Input);
        Assert.Equal(new ValueChange("region", null, "eu"), diff.Changes[3].Value);
        Assert.Empty(diff.Metrics);
    }

    [Theory]
    [InlineData(0)] // few verifications in the store: they are read whole
    [InlineData(30)] // more verifications than versions compared: they are found from the versions
    public async Task Diff_ReportsInputsWhoseNewestVerificationFailed_OnTheSideTheyAreOn(int unrelatedChecks)
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var pipeline = new Pipeline(store);
        var v1 = await pipeline.RegisterAsync("1", Pipeline.First);
        var v2 = await pipeline.RegisterAsync("2", Pipeline.First with { SourceChunks = ["q1", "a2", "a3"] });
        var tampered = Pipeline.Table("file://lake", "customers", Pipeline.First.SourceColumns, Pipeline.First.SourceChunks);
        var ok = new Verification(Guid.NewGuid(), tampered.Key.ToString(), VerificationOutcome.Ok, DateTimeOffset.UnixEpoch);
        var failed = new Verification(Guid.NewGuid(), tampered.Key.ToString(), VerificationOutcome.Tampered, DateTimeOffset.UnixEpoch.AddDays(1), "chunk 2 differs");
        var builder = ChangeSet.Builder("test").Add(ok).Add(failed).Link(EdgeKind.Verifies, ok.Key, tampered.Key).Link(EdgeKind.Verifies, failed.Key, tampered.Key);
        var elsewhere = Pipeline.Table("file://lake", "unrelated", ["id"], ["u1"]);
        builder.Add(elsewhere);
        for (var i = 0; i < unrelatedChecks; i++)
        {
            var check = new Verification(Guid.NewGuid(), elsewhere.Key.ToString(), VerificationOutcome.Missing, DateTimeOffset.UnixEpoch);
            builder.Add(check).Link(EdgeKind.Verifies, check.Key, elsewhere.Key);
        }
        await store.AppendAsync(builder.Build());

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(v1.Key, v2.Key));

        var finding = Assert.Single(diff.Integrity);
        Assert.Equal((tampered.Key, "from", VerificationOutcome.Tampered, "chunk 2 differs"), (finding.Version, finding.Sides, finding.Outcome, finding.Evidence));
    }

    [Fact]
    public async Task Diff_OfAModelVersionAgainstARun_IsRefused()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var request = new LineageDiffRequest(new ModelVersionId(new ModelId("churn"), "1").Key, new RunId(Guid.NewGuid()).Key);

        var error = await Assert.ThrowsAsync<LineageHubException>(() => new LineageDiffer(store).DiffAsync(request));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Equal(DiffMessages.KindsDiffer(request.From, request.To), error.Message);
    }
}
