using LineageHub.Api.Tests.Support;
using LineageHub.Core.Domain;
using LineageHub.Integrity;

namespace LineageHub.Api.Tests.Integrity;

/// <summary>Verification facts as GraphQL shows them: a version's integrity, and a lineage walk marking inputs that no longer verify.</summary>
public sealed class IntegrityQueryTests
{
    [Fact]
    public async Task ALineageWalkFromAModel_NamesTheInputThatNoLongerVerifies()
    {
        await using var server = await ApiServer.StartAsync();
        var lineage = await RegisteredLineage.RegisterAsync(server);
        using var runner = new VerificationRunner(server.Store, new VerificationSettings { Enabled = false, AllowedRoots = [server.Directory] }, null, TimeProvider.System, alerts: null);
        var train = (await server.Store.FindNodeAsync(NodeKey.Parse(lineage.TrainV1)))!.As<DatasetVersion>();

        // The registered versions live in s3://, which a check reads only as local paths: not OK.
        var report = await runner.VerifyVersionAsync(train, CancellationToken.None);
        var data = await server.QueryAsync("""
            query($from: ID!, $train: ID!) {
              lineage(from: $from, direction: UPSTREAM, depth: 10) { failingIntegrity nodes { id integrity } }
              node(id: $train) { ... on DatasetVersion { integrity { status lastVerifiedAt lastOkAt history { id outcome summary } } } }
            }
            """, new { from = lineage.ModelV1, train = lineage.TrainV1 });

        Assert.Equal(VerificationOutcome.Unreadable, report.Outcome);
        Assert.Equal([lineage.TrainV1], data.GetProperty("lineage").GetProperty("failingIntegrity").EnumerateArray().Select(e => e.GetString()));
        var nodes = data.GetProperty("lineage").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("integrity").GetString());
        Assert.Equal("UNREADABLE", nodes[lineage.TrainV1]);
        Assert.Null(nodes[lineage.TestV1]);
        var integrity = data.GetProperty("node").GetProperty("integrity");
        Assert.Equal("UNREADABLE", integrity.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, integrity.GetProperty("lastOkAt").ValueKind);
        var check = Assert.Single(integrity.GetProperty("history").EnumerateArray());
        Assert.Equal($"verification:{report.Id:D}", check.GetProperty("id").GetString());
        Assert.Equal(LineageHub.Connectors.Datasets.Verification.DatasetVerificationMessages.NotLocal(train.StorageUri!), check.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task AVersionNeverChecked_HasNoStatusAndNoHistory()
    {
        await using var server = await ApiServer.StartAsync();
        var lineage = await RegisteredLineage.RegisterAsync(server);

        var data = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on DatasetVersion { integrity { status lastVerifiedAt history { id } } } } }", new { id = lineage.TestV1 });

        var integrity = data.GetProperty("node").GetProperty("integrity");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, integrity.GetProperty("status").ValueKind);
        Assert.Empty(integrity.GetProperty("history").EnumerateArray());
    }
}
