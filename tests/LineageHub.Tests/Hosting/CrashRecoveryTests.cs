using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;

namespace LineageHub.Tests.Hosting;

/// <summary>Durability as a user depends on it: what the server acknowledged survives kill -9.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task KillDashNineMidIngestion_EveryAcknowledgedChangeSetSurvives_AndTheLedgerVerifies()
    {
        var (server, url) = await LineageHubProcess.StartServerAsync(_data.Path);
        var acknowledged = new ConcurrentBag<NodeKey>();
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

        // Eight writers post single-dataset change sets as fast as the server acknowledges them.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var dataset = new Dataset("crash://test", $"writer{w}_{i}");
                try
                {
                    using var content = new ByteArrayContent(ChangeSetJson.Write(ChangeSet.Builder().Add(dataset).Build()));
                    content.Headers.ContentType = new("application/json");
                    using var response = await http.PostAsync("api/changesets", content);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(dataset.Key);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return; // The server is gone: whatever was not acknowledged may or may not be there.
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(3));
        server.Kill(entireProcessTree: true); // SIGKILL: no shutdown hooks, no flush.
        await server.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(writers);
        server.Dispose();

        Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} change sets were acknowledged before the kill; the test needs a real load");
        await using var store = SqliteLineageStore.Open(_data.Path);
        var found = await store.FindNodesAsync(acknowledged.ToList());
        Assert.Equal(acknowledged.Count, found.Count);
        var report = await store.VerifyAsync();
        Assert.True(report.Ok, string.Join("\n", report.Problems));

        var (exitCode, output, _) = await LineageHubProcess.RunAsync("ledger", "verify", "--data", _data.Path, "--json");
        Assert.Equal(0, exitCode);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("ok").GetBoolean());
    }

    public void Dispose() => _data.Dispose();
}
