using LineageHub.Core.Storage;
using LineageHub.Testing;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>The storage contract, run against the embedded SQLite store.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    protected override Task<ILineageStore> CreateStoreAsync() =>
        Task.FromResult<ILineageStore>(SqliteLineageStore.Open(_directory.Path, Clock));

    public void Dispose() => _directory.Dispose();
}
