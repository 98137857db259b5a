using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>
/// Copies between the SQLite store and the Neo4j adapter (over the loopback <see cref="FakeQueryApi"/>):
/// the copy writes entries byte for byte as the original, so both ledgers end at the same root. This
/// checks our replay and the adapter's requests; the same copy against a real Neo4j is for the
/// environments that have one.
/// </summary>
public sealed class LedgerCopyTests : IAsyncLifetime
{
    private readonly FakeQueryApi _fake = new();
    private readonly TemporaryDirectory _sqlite = new();
    private readonly TemporaryDirectory _other = new();
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task SqliteToNeo4j_ReplaysEveryEntryByteForByte_AndEndsAtTheSameRoot()
    {
        await using var sqlite = SqliteLineageStore.Open(_sqlite.Path, _clock);
        await FillAsync(sqlite);
        var replay = new SettableClock();
        await using var neo4j = await Neo4jLineageStore.OpenAsync(_fake.Options(), _sqlite.Path, replay);

        var result = await LedgerCopy.CopyAsync(sqlite, neo4j, replay.Set);

        Assert.True(result.Same, $"{result}");
        Assert.Equal(3, result.TargetSize);
        for (var seq = 0; seq < 3; seq++)
        {
            Assert.Equal((await sqlite.GetEntryAsync(seq)).Bytes, (await neo4j.GetEntryAsync(seq)).Bytes);
        }
        // The same key folder: the copy's heads verify with the original's public key.
        Assert.True(TreeHeadSigner.VerifyWith(sqlite.SigningPublicKeyPem, await neo4j.GetTreeHeadAsync()));
    }

    [Fact]
    public async Task Neo4jToSqlite_EndsAtTheSameRoot_AndATargetThatIsNotEmptyIsRefused()
    {
        var clock = new ManualTimeProvider();
        await using var neo4j = await Neo4jLineageStore.OpenAsync(_fake.Options(), _other.Path, clock);
        await FillAsync(neo4j, clock);
        var replay = new SettableClock();
        await using var sqlite = SqliteLineageStore.Open(_sqlite.Path, replay);

        var result = await LedgerCopy.CopyAsync(neo4j, sqlite, replay.Set);
        var again = await Assert.ThrowsAsync<Core.LineageHubException>(() => LedgerCopy.CopyAsync(neo4j, sqlite, replay.Set));

        Assert.True(result.Same, $"{result}");
        Assert.Equal((await neo4j.GetTreeHeadAsync()).Root, (await sqlite.GetTreeHeadAsync()).Root);
        Assert.True((await sqlite.VerifyAsync()).Ok);
        Assert.Equal(Core.ErrorCode.Conflict, again.Code);
    }

    private async Task FillAsync(ILineageStore store, ManualTimeProvider? clock = null)
    {
        clock ??= _clock;
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync(ChangeSet.Builder("second@team").Add(Some.Dataset()).Build());
        clock.Advance(TimeSpan.FromMinutes(5));
        // A later READ by a run that already WROTE: the entry holds derived DERIVED_FROM edges the copy must reproduce.
        var lateInput = Some.VersionOf(Some.Dataset());
        await store.AppendAsync(ChangeSet.Builder().Add(lateInput).Link(Core.Domain.EdgeKind.Read, scenario.EtlRun.Key, lateInput.Key).Build());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _sqlite.Dispose();
        _other.Dispose();
    }
}
