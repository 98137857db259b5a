using LineageHub.Api.Tests.Support;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Registration;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>No N+1: list fields resolve through DataLoaders, so the store calls of a query do not grow with its page.</summary>
public sealed class BatchingTests : IAsyncLifetime
{
    private const string RunsWithInputsAndModels = """
        query($n: Int!) {
          runs(first: $n) {
            nodes {
              id status parameters
              job { name type }
              inputs(first: 10) { edges { properties node { id name leafCount dataset { namespace } } } }
              model { id version metrics model { name } }
            }
          }
        }
        """;

    private ApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        var catalog = new CatalogRegistrar(_server.Store);
        var inputs = new List<DatasetVersionId>();
        for (var i = 0; i < 3; i++)
        {
            var version = new DatasetVersion("s3://features", $"set_{i}", Digest.Of([(byte)i]), SnapshotMode.Table, 1000, 64_000);
            await catalog.RegisterDatasetVersionAsync(version);
            inputs.Add(version.Id);
        }
        var runs = new RunRegistrar(_server.Store);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => runs.RegisterAsync(new RunRegistration(
            new JobId("airflow://prod", "train"), JobType.Training, Guid.NewGuid(), RunStatus.Completed,
            Parameters: new Dictionary<string, string> { ["seed"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Inputs: inputs,
            Produced: new ModelVersion("churn", $"v{i}", Metrics: new Dictionary<string, double> { ["auc"] = 0.8 })))));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task APageOf100Runs_WithInputsAndModels_MakesAsFewStoreCallsAsAPageOf2()
    {
        _server.Store.Reset();
        var two = await _server.QueryAsync(RunsWithInputsAndModels, new { n = 2 });
        var callsForTwo = _server.Store.Reads;
        var listForTwo = _server.Store.Calls;
        _server.Store.Reset();
        var hundred = await _server.QueryAsync(RunsWithInputsAndModels, new { n = 100 });
        var callsForHundred = _server.Store.Reads;
        var listForHundred = _server.Store.Calls;

        Assert.Equal(2, two.GetProperty("runs").GetProperty("nodes").GetArrayLength());
        var runs = hundred.GetProperty("runs").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(100, runs.Count);
        Assert.All(runs, r => Assert.Equal(3, r.GetProperty("inputs").GetProperty("edges").GetArrayLength()));
        Assert.Equal(100, runs.Select(r => r.GetProperty("model").GetProperty("version").GetString()).Distinct().Count());
        // One page read, then per level one batch: job nodes; READ edges; PRODUCED edges; input nodes and
        // model-version nodes (one loader, one batch); then datasets and models (again one batch).
        Assert.True(callsForTwo == callsForHundred, $"2 runs: {listForTwo}\n100 runs: {listForHundred}");
        Assert.True(callsForHundred == 6, listForHundred);
    }
}
