using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Registration;
using LineageHub.Core.Storage;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Api.Tests.Registration;

/// <summary>Core's run registration, as a later manifest verb will use it: one change set, idempotent by run id, conflicts named.</summary>
public sealed class RunRegistrarTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lineagehub-runs-").FullName;
    private ILineageStore _store = null!;
    private DatasetVersion _input = null!;
    private DatasetVersion _output = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteLineageStore.Open(_directory);
        var catalog = new CatalogRegistrar(_store);
        _input = new DatasetVersion("s3://raw", "events", Digest.Of([1]), SnapshotMode.Raw, 10, 100);
        _output = new DatasetVersion("s3://clean", "events", Digest.Of([2]), SnapshotMode.Table, 9, 90);
        await catalog.RegisterDatasetVersionAsync(_input);
        await catalog.RegisterDatasetVersionAsync(_output);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ARun_IsOneLedgerEntry_AndTheSameRunAgainChangesNothing()
    {
        var run = Registration();
        var registrar = new RunRegistrar(_store);

        var first = await registrar.RegisterAsync(run, "etl@test");
        var again = await registrar.RegisterAsync(run, "etl@test");

        Assert.True(first.Changed);
        Assert.Equal(first.Seq, (await _store.GetTreeHeadAsync()).Size - 1);
        Assert.False(again.Changed);
        var entry = await _store.GetEntryAsync(first.Seq!.Value);
        Assert.Equal("etl@test", entry.Actor);
        Assert.Contains(entry.Nodes, n => n.Key == new ModelVersionId(new ModelId("cleaner"), "1").Key);
        var derived = await _store.GetEdgesAsync(_output.Key, EdgeDirection.Outgoing, EdgeKind.DerivedFrom);
        Assert.Equal(_input.Key, Assert.Single(derived).To);
    }

    [Theory]
    [InlineData("inputs")]
    [InlineData("outputs")]
    [InlineData("model")]
    [InlineData("details")]
    public async Task ADifferentRun_UnderARegisteredRunId_IsAConflictThatWritesNothing(string change)
    {
        var run = Registration();
        var registrar = new RunRegistrar(_store);
        await registrar.RegisterAsync(run);
        var size = (await _store.GetTreeHeadAsync()).Size;
        var other = change switch
        {
            "inputs" => run with { Inputs = [] },
            "outputs" => run with { Outputs = [_output.Id, _input.Id] },
            "model" => run with { Produced = run.Produced! with { Version = "2" } },
            _ => run with { Status = RunStatus.Failed },
        };

        var error = await Assert.ThrowsAsync<LineageHubException>(() => registrar.RegisterAsync(other));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Contains(run.RunId.ToString("D"), error.Message, StringComparison.Ordinal);
        Assert.Equal(size, (await _store.GetTreeHeadAsync()).Size);
    }

    [Fact]
    public async Task AJobRegisteredWithAnotherType_IsAConflict_AndAnUnknownInputIsInvalid()
    {
        var registrar = new RunRegistrar(_store);
        await registrar.RegisterAsync(Registration());

        var typed = await Assert.ThrowsAsync<LineageHubException>(() => registrar.RegisterAsync(Registration() with { JobType = JobType.Training }));
        var unknown = await Assert.ThrowsAsync<LineageHubException>(() => registrar.RegisterAsync(Registration() with { Inputs = [new DatasetVersionId(new DatasetId("s3://x", "y"), Digest.Of([9]))] }));
        var backwards = await Assert.ThrowsAsync<LineageHubException>(() => registrar.RegisterAsync(Registration() with { EndedAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(RegistrationMessages.JobTypeDiffers(new JobId("cron", "clean"), JobType.Etl, JobType.Training), typed.Message);
        Assert.Equal(ErrorCode.InvalidInput, unknown.Code);
        Assert.Contains("which does not exist", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.InvalidInput, backwards.Code);
    }

    private RunRegistration Registration() => new(
        new JobId("cron", "clean"), JobType.Etl, Guid.NewGuid(), RunStatus.Completed,
        StartedAt: DateTimeOffset.Parse("2026-02-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Inputs: [_input.Id], Outputs: [_output.Id],
        Produced: new ModelVersion("cleaner", "1"));
}
