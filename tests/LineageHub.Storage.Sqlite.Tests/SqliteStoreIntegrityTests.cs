using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Testing;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>What the SQLite store does when its file is damaged or edited by hand.</summary>
public sealed class SqliteStoreIntegrityTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, SqliteLineageStore.DatabaseFileName);

    [Fact]
    public async Task Reopen_AfterWrites_HasEverythingAndTheSameHead()
    {
        var scenario = Some.Lineage();
        SignedTreeHead head;
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(scenario.Changes);
            head = await store.GetTreeHeadAsync();
        }
        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        Assert.Equal(head.Root, (await reopened.GetTreeHeadAsync()).Root);
        Assert.NotNull(await reopened.FindNodeAsync(scenario.ModelV1.Key));
        Assert.Equal(12, (await reopened.TraverseAsync(new Core.Lineage.TraversalRequest(scenario.ModelV1.Key))).Nodes.Count);
    }

    [Fact]
    public async Task Reopen_EdgesOfManyFromTheRebuiltIndex_MatchTheTableWithProperties()
    {
        // Edges of many nodes are read from the index, which a reopened store rebuilds from the table:
        // which edges carry properties must survive that.
        var scenario = Some.Lineage();
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(scenario.Changes);
        }
        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        foreach (var direction in new[] { EdgeDirection.Outgoing, EdgeDirection.Incoming })
        {
            var many = await reopened.GetEdgesOfManyAsync([scenario.TrainRun.Key, scenario.FeaturesV1.Key], direction);
            foreach (var node in new[] { scenario.TrainRun.Key, scenario.FeaturesV1.Key })
            {
                Assert.Equal(Text(await reopened.GetEdgesAsync(node, direction)), Text(many[node]));
            }
        }
        var read = Assert.Single((await reopened.GetEdgesOfManyAsync([scenario.TrainRun.Key], EdgeDirection.Outgoing, EdgeKind.Read))[scenario.TrainRun.Key]);
        Assert.Equal("""{"role":"train"}""", System.Text.Encoding.UTF8.GetString(read.Properties));
    }

    private static IEnumerable<string> Text(IEnumerable<EdgeRecord> edges) =>
        edges.Select(e => $"{e.Kind} {e.From} -> {e.To} @{e.Seq} {System.Text.Encoding.UTF8.GetString(e.Properties)}");

    [Fact]
    public async Task Open_AFileThatIsNotADatabase_SaysSoNamingTheFile()
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 8192));
        var error = Assert.Throws<LineageHubException>(() => SqliteLineageStore.Open(_directory.Path));
        Assert.Equal(ErrorCode.Corrupt, error.Code);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ATruncatedDatabase_IsRefusedWithAClearError()
    {
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            for (var i = 0; i < 50; i++)
            {
                await store.AppendAsync(Some.Lineage().Changes);
            }
        }
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(DatabasePath);
        await File.WriteAllBytesAsync(DatabasePath, bytes[..(bytes.Length / 3)]);

        var error = Assert.Throws<LineageHubException>(() => SqliteLineageStore.Open(_directory.Path));

        Assert.Equal(ErrorCode.Corrupt, error.Code);
    }

    [Fact]
    public async Task Open_AfterALeafHashWasEditedByHand_RefusesNamingTheHead()
    {
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(Some.Lineage().Changes);
            await store.AppendAsync(Some.Lineage().Changes);
        }
        Execute("UPDATE ledger_entries SET leaf_hash = zeroblob(32) WHERE seq = 0");

        var error = Assert.Throws<LineageHubException>(() => SqliteLineageStore.Open(_directory.Path));

        Assert.Equal(ErrorCode.Corrupt, error.Code);
        Assert.Contains("signed tree head at size 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterAProjectionRowWasEditedByHand_NamesTheRow()
    {
        var scenario = Some.Lineage();
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(scenario.Changes);
        }
        Execute($"UPDATE nodes SET props = CAST('{{\"name\":\"forged\"}}' AS BLOB) WHERE key = '{scenario.ModelV1.Key.Key}'");

        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        var report = await reopened.VerifyAsync();

        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Contains(scenario.ModelV1.Key.ToString(), StringComparison.Ordinal) && p.Contains("differs from ledger entry 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AfterEntryBytesWereEditedByHand_NamesTheEntry()
    {
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(Some.Lineage().Changes);
            await store.AppendAsync(Some.Lineage().Changes);
        }
        // Change the entry's bytes but keep its stored hash: the open-time check passes, the full one must not.
        Execute("UPDATE ledger_entries SET entry = CAST(replace(CAST(entry AS TEXT), 'accuracy', 'accurazy') AS BLOB) WHERE seq = 1");

        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        var report = await reopened.VerifyAsync();

        Assert.Contains(report.Problems, p => p.StartsWith("ledger entry 1: its stored leaf hash is not the hash of its bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AfterARowWasInsertedByHand_ReportsItAsNotInTheLedger()
    {
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await store.AppendAsync(Some.Lineage().Changes);
        }
        Execute("INSERT INTO nodes (id, kind, key, props, seq) VALUES (12, 'dataset', 'forged|data', CAST('{}' AS BLOB), 0)");

        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        var report = await reopened.VerifyAsync();

        Assert.Contains(report.Problems, p => p.Contains("dataset:forged|data) is not recorded in the ledger", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private void Execute(string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
