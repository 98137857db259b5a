using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>
/// The storage contract, run through the Neo4j adapter against the loopback <see cref="FakeQueryApi"/>.
/// The fake answers each of our named statements from an in-memory model of what the statement means,
/// so this exercises the adapter's own logic — planning with prefetched facts, breadth-first traversal
/// and its budgets, the Merkle tree caught up from leaf hashes, proofs, verification — but NOT Neo4j's
/// behaviour nor our Cypher's: that is <see cref="Neo4jStoreContractTests"/>, against a real Neo4j.
/// </summary>
public sealed class FakeQueryApiContractTests : StoreContract, IAsyncLifetime
{
    private readonly FakeQueryApi _fake = new();
    private readonly TemporaryDirectory _keys = new();

    protected override async Task<ILineageStore> CreateStoreAsync() =>
        await Neo4jLineageStore.OpenAsync(_fake.Options(), _keys.Path, Clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _keys.Dispose();
    }
}
