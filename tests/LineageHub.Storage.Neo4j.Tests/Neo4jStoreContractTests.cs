using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Http;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests;

/// <summary>
/// The storage contract, run against a real Neo4j (see <see cref="Neo4jTarget"/>); skipped, saying why,
/// where there is none. Each test starts from an emptied database.
/// </summary>
[RequiresNeo4j]
public sealed class Neo4jStoreContractTests : StoreContract, IDisposable
{
    private readonly TemporaryDirectory _keys = new();

    protected override async Task<ILineageStore> CreateStoreAsync()
    {
        var options = await Neo4jTarget.ConnectionAsync();
        using (var client = new QueryApiClient(options))
        {
            await client.RunAsync(TestStatements.WipeDatabase);
        }
        return await Neo4jLineageStore.OpenAsync(options, _keys.Path, Clock);
    }

    public void Dispose() => _keys.Dispose();
}
