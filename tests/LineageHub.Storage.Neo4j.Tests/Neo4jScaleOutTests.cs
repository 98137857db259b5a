using LineageHub.Core.Ledger;
using LineageHub.Storage.Neo4j.Http;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests;

/// <summary>Several LineageHub servers over one real Neo4j (skipped, saying why, where there is none).</summary>
[RequiresNeo4j]
public sealed class Neo4jScaleOutTests : IDisposable
{
    private readonly TemporaryDirectory _keys = new();

    [Fact]
    public async Task TwoServers_AppendingAtOnce_WriteOneLinearLogThatBothVerify()
    {
        var options = await Neo4jTarget.ConnectionAsync();
        using (var client = new QueryApiClient(options))
        {
            await client.RunAsync(TestStatements.WipeDatabase);
        }
        // The same signing key folder: every server over one database signs with one key.
        await using var first = await Neo4jLineageStore.OpenAsync(options, _keys.Path);
        await using var second = await Neo4jLineageStore.OpenAsync(options, _keys.Path);

        var writes = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).AppendAsync(ChangeSet.Builder().Add(Some.Dataset()).Build()));
        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long?)i), results.Select(r => r.Seq).Order());
        Assert.Equal(40, (await first.GetTreeHeadAsync()).Size);
        Assert.Equal((await first.GetTreeHeadAsync()).Root, (await second.GetTreeHeadAsync()).Root);
        var report = await second.VerifyAsync();
        Assert.True(report.Ok, string.Join("\n", report.Problems));
    }

    public void Dispose() => _keys.Dispose();
}
