using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>The store's read connections, kept open with their prepared statements between calls.</summary>
public sealed class ReaderSessionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.Path, "t.db") }.ToString();

    [Fact]
    public void Rent_AfterAReturn_GivesTheSessionBackWithItsCommand()
    {
        using var sessions = new ReaderSessions(ConnectionString);
        var first = sessions.Rent();
        var command = first.Command("SELECT $x");
        command.Parameters.AddWithValue("$x", 1);
        Assert.Equal(1L, command.ExecuteScalar());
        first.Dispose();

        var second = sessions.Rent();
        var again = second.Command("SELECT $x");
        Assert.Same(first, second);
        Assert.Same(command, again);
        Assert.Empty(again.Parameters);
        again.Parameters.AddWithValue("$x", 2);
        Assert.Equal(2L, again.ExecuteScalar());
        second.Dispose();
    }

    [Fact]
    public void Return_BeyondTheIdleLimit_ClosesTheRest()
    {
        using var sessions = new ReaderSessions(ConnectionString);
        var rented = Enumerable.Range(0, 64).Select(_ => sessions.Rent()).ToList();
        rented.ForEach(s => s.Dispose());

        var open = rented.Count(s => s.Connection.State == System.Data.ConnectionState.Open);
        Assert.Equal(ReaderSessions.MaxIdle, open);
    }

    [Fact]
    public void Dispose_ClosesIdleSessions_AndRefusesNewRents()
    {
        var sessions = new ReaderSessions(ConnectionString);
        var idle = sessions.Rent();
        var busy = sessions.Rent();
        idle.Dispose();

        sessions.Dispose();
        busy.Dispose();

        Assert.Equal(System.Data.ConnectionState.Closed, idle.Connection.State);
        Assert.Equal(System.Data.ConnectionState.Closed, busy.Connection.State);
        Assert.Throws<ObjectDisposedException>(sessions.Rent);
    }

    [Fact]
    public async Task Reads_ThroughAKeptStatement_SeeLaterWrites()
    {
        await using var store = SqliteLineageStore.Open(_directory.Path);
        await store.AppendAsync(ChangeSet.Builder().Add(new Dataset("s3://lake", "a")).Build());
        var before = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10));
        var entry = await store.GetEntryAsync(0);

        await store.AppendAsync(ChangeSet.Builder().Add(new Dataset("s3://lake", "b")).Build());
        var after = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10));

        Assert.Single(before);
        Assert.Equal(["s3://lake|a", "s3://lake|b"], after.Select(n => n.Key.Key));
        Assert.NotNull(entry);
        Assert.NotNull(await store.GetEntryAsync(1));
    }

    public void Dispose() => _directory.Dispose();
}
