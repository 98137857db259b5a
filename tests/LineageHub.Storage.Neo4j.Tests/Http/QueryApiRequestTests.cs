using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>
/// The requests our Neo4j adapter sends, checked against a loopback stand-in (<see cref="FakeQueryApi"/>):
/// paths, headers, JSON bodies, the transaction open/run/commit/rollback sequence, retries on 503 and
/// dropped connections, and that a retried append never writes twice. This checks OUR requests against
/// the Query API as documented, not Neo4j's behaviour: that is what the contract tests against a real
/// Neo4j are for.
/// </summary>
public sealed class QueryApiRequestTests : IAsyncLifetime
{
    private static readonly string ExpectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeQueryApi.User}:{FakeQueryApi.Password}"));

    private readonly FakeQueryApi _fake = new();
    private readonly TemporaryDirectory _keys = new();

    [Fact]
    public async Task Open_AppliesEachMigrationOnceAndRecordsIt()
    {
        await (await OpenAsync()).DisposeAsync();
        var firstOpen = _fake.Snapshot().Count;
        await (await OpenAsync()).DisposeAsync();

        var requests = _fake.Snapshot();
        var migrationStatements = CypherCatalog.Migrations().SelectMany(m => m.Statements).Select(s => s.Name).ToList();
        Assert.Equal(migrationStatements, requests.Take(firstOpen).Where(r => r.StatementName!.Contains(".cypher#", StringComparison.Ordinal)).Select(r => r.StatementName));
        Assert.DoesNotContain(requests.Skip(firstOpen), r => r.StatementName!.Contains(".cypher#", StringComparison.Ordinal));
        Assert.Equal(CypherCatalog.Migrations().Select(m => m.Name).ToHashSet(), _fake.Migrations);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/db/neo4j/query/v2", r.Path);
            Assert.Equal(ExpectedAuthorization, r.Authorization);
            Assert.Equal("application/json", r.Accept);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
            Assert.NotNull(r.Body!["parameters"]);
        });
    }

    [Fact]
    public async Task Append_OpensRunsAndCommitsOneTransaction_EchoingTheAffinityHeader()
    {
        await using var store = await OpenAsync();
        var before = _fake.Snapshot().Count;
        var dataset = Some.Dataset();
        var version = Some.VersionOf(dataset);

        var result = await store.AppendAsync(ChangeSet.Builder().Add(dataset).Add(version).Link(EdgeKind.VersionOf, version.Key, dataset.Key).Build());

        Assert.Equal(0, result.Seq);
        var append = _fake.Snapshot().Skip(before).TakeWhile(r => !r.Path.EndsWith("/commit", StringComparison.Ordinal)).ToList();
        var commit = _fake.Snapshot().Skip(before + append.Count).First();
        Assert.Equal(("POST", "/db/neo4j/query/v2/tx"), (append[0].Method, append[0].Path));
        Assert.Null(append[0].Body);
        Assert.All(append.Skip(1), r =>
        {
            Assert.Equal(("POST", "/db/neo4j/query/v2/tx/t1"), (r.Method, r.Path));
            Assert.Equal("affinity-t1", r.Affinity);
            Assert.Equal(ExpectedAuthorization, r.Authorization);
        });
        Assert.Equal(
            ["ledger_lock_head", "facts_nodes", "facts_edges", "ledger_append_entry", "ledger_append_nodes", "ledger_append_edges", "ledger_append_tree_head"],
            append.Skip(1).Select(r => r.StatementName));
        Assert.Equal(("POST", "/db/neo4j/query/v2/tx/t1/commit", "affinity-t1"), (commit.Method, commit.Path, commit.Affinity));
        // Bodies carry the statement's declared parameters, with values as plain JSON.
        var entry = append.Single(r => r.StatementName == "ledger_append_entry").Body!["parameters"]!.AsObject();
        Assert.Equal(CypherCatalog.Get("ledger_append_entry").Parameters.Keys.Order(), entry.Select(kv => kv.Key).Order());
        Assert.Equal(0, entry["seq"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower((await store.GetEntryAsync(0)).LeafHash()), entry["leafHash"]!.GetValue<string>());
        var nodes = append.Single(r => r.StatementName == "ledger_append_nodes").Body!["parameters"]!["nodes"]!.AsArray();
        Assert.Equal([dataset.Key.ToString(), version.Key.ToString()], nodes.Select(n => n!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Append_RejectedByThePlanner_RollsBackWithDeleteAndNeverCommits()
    {
        await using var store = await OpenAsync();
        var before = _fake.Snapshot().Count;
        var dataset = Some.Dataset();
        var version = Some.VersionOf(dataset);

        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.AppendAsync(ChangeSet.Builder().Add(version).Link(EdgeKind.VersionOf, version.Key, dataset.Key).Build()));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        var requests = _fake.Snapshot().Skip(before).ToList();
        Assert.Equal(("DELETE", "/db/neo4j/query/v2/tx/t1", "affinity-t1"), (requests[^1].Method, requests[^1].Path, requests[^1].Affinity));
        Assert.DoesNotContain(requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal) || r.StatementName == "ledger_append_entry");
        Assert.Empty(_fake.Entries);
    }

    [Fact]
    public async Task Read_AfterTwo503s_IsRetriedAndSucceeds()
    {
        await using var store = await OpenAsync();
        var dataset = Some.Dataset();
        await store.AppendAsync(ChangeSet.Builder().Add(dataset).Build());
        var failures = 2;
        _fake.Faults = r => r.StatementName == "facts_nodes" && failures-- > 0 ? Fault.ServiceUnavailable : null;

        var found = await store.FindNodeAsync(dataset.Key);

        Assert.NotNull(found);
        Assert.Equal(3, _fake.Snapshot().Count(r => r.StatementName == "facts_nodes" && !r.InTransaction));
    }

    [Fact]
    public async Task Open_WhenConnectionsDrop_RetriesUntilTheServerAnswers()
    {
        var dropped = 2;
        _fake.Faults = _ => dropped-- > 0 ? Fault.DropConnection : null;

        await using var store = await OpenAsync();

        Assert.Equal(0, (await store.GetTreeHeadAsync()).Size);
        Assert.Equal("migration_applied", _fake.Snapshot()[2].StatementName); // the same first request, a third time
        Assert.Equal(3, _fake.Snapshot().TakeWhile(r => r.StatementName == "migration_applied").Count());
    }

    [Fact]
    public async Task Append_CommitLandsButItsAnswerIsLost_RetryFindsItAndWritesNothingTwice()
    {
        await using var store = await OpenAsync();
        var lost = 1;
        _fake.Faults = r => r.Path.EndsWith("/commit", StringComparison.Ordinal) && lost-- > 0 ? Fault.DropConnectionAfterApplying : null;
        var before = _fake.Snapshot().Count;

        var result = await store.AppendAsync(ChangeSet.Builder().Add(Some.Dataset()).Add(Some.Dataset()).Build());

        Assert.Equal(0, result.Seq);
        Assert.Equal(2, result.NodesCreated);
        Assert.Single(_fake.Entries);
        var requests = _fake.Snapshot().Skip(before).ToList();
        Assert.Single(requests, r => r.StatementName == "ledger_append_entry");
        // The second attempt is a new transaction that finds the first attempt's entry by its append id, and rolls back.
        var retry = requests.Where(r => r.Path.StartsWith("/db/neo4j/query/v2/tx/t2", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ledger_lock_head", "ledger_find_append", null], retry.Select(r => r.StatementName));
        Assert.Equal("DELETE", retry[^1].Method);
        Assert.DoesNotContain(requests.TakeWhile(r => !r.Path.StartsWith("/db/neo4j/query/v2/tx/t2", StringComparison.Ordinal)), r => r.StatementName == "ledger_find_append");
        Assert.Equal(
            requests.First(r => r.StatementName == "ledger_lock_head").Body!["parameters"]!["appendId"]!.GetValue<string>(),
            retry[1].Body!["parameters"]!["appendId"]!.GetValue<string>());
        Assert.Equal(1, (await store.GetTreeHeadAsync()).Size);
    }

    [Fact]
    public async Task Append_TransientErrorMidTransaction_RollsBackAndRetriesTheWholeTransaction()
    {
        await using var store = await OpenAsync();
        var failures = 1;
        _fake.Faults = r => r.StatementName == "ledger_append_nodes" && failures-- > 0 ? Fault.TransientError : null;

        var result = await store.AppendAsync(ChangeSet.Builder().Add(Some.Dataset()).Build());

        Assert.Equal(0, result.Seq);
        Assert.Single(_fake.Entries);
        var requests = _fake.Snapshot();
        Assert.Contains(requests, r => r.Method == "DELETE" && r.Path == "/db/neo4j/query/v2/tx/t1");
        Assert.Contains(requests, r => r.Path == "/db/neo4j/query/v2/tx/t2/commit");
        Assert.DoesNotContain(requests, r => r.Path == "/db/neo4j/query/v2/tx/t1/commit");
    }

    [Fact]
    public async Task Append_ServerKeepsFailing_GivesUpAfterTheRetryBudgetAndWritesNothing()
    {
        await using var store = await OpenAsync();
        _fake.Faults = r => r.StatementName == "ledger_lock_head" ? Fault.ServiceUnavailable : null;

        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.AppendAsync(ChangeSet.Builder().Add(Some.Dataset()).Build()));

        Assert.Equal(ErrorCode.Unavailable, error.Code);
        Assert.Contains("failed 4 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _fake.Snapshot().Count(r => r.StatementName == "ledger_lock_head"));
        Assert.Empty(_fake.Entries);
    }

    [Fact]
    public async Task Open_NothingListening_FailsNamingTheUrl()
    {
        var port = _fake.Port;
        await _fake.DisposeAsync();
        var options = new Neo4jConnectionOptions(new Uri($"http://127.0.0.1:{port}")) { RetryDelays = [TimeSpan.FromMilliseconds(1)] };

        var error = await Assert.ThrowsAsync<LineageHubException>(() => Neo4jLineageStore.OpenAsync(options, _keys.Path));

        Assert.Equal(ErrorCode.Unavailable, error.Code);
        Assert.Contains($"Neo4j is not reachable at http://127.0.0.1:{port}/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WithAWrongPassword_SaysNeo4jRefusedItNamingTheUrl_WithoutRetrying()
    {
        var options = _fake.Options() with { Password = "wrong" };

        var error = await Assert.ThrowsAsync<LineageHubException>(() => Neo4jLineageStore.OpenAsync(options, _keys.Path));

        Assert.Equal(ErrorCode.Unavailable, error.Code);
        Assert.Contains($"Neo4j at {_fake.Url} refused a request: Neo.ClientError.Security.Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Snapshot());
    }

    [Fact]
    public async Task Statement_GivenParametersItDoesNotDeclare_IsRefusedBeforeAnythingIsSent()
    {
        using var client = new QueryApiClient(_fake.Options());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunAsync(CypherCatalog.Get("ledger_entry"), new Dictionary<string, object?> { ["seq"] = 1, ["extra"] = 2 }));

        Assert.Contains("declares parameters [seq] but was given [extra, seq]", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Snapshot());
    }

    private Task<Neo4jLineageStore> OpenAsync() => Neo4jLineageStore.OpenAsync(_fake.Options(), _keys.Path);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _keys.Dispose();
    }
}
