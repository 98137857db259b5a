using System.Text.Json;
using LineageHub.Api.Tests.Support;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>Query.lineageDiff over a lineage registered through the API's own mutations (see <see cref="RegisteredLineage"/>).</summary>
public sealed class LineageDiffTests : IAsyncLifetime
{
    private const string Diff = """
        query($a: ID!, $b: ID!, $depth: Int) {
          lineageDiff(from: $a, to: $b, depth: $depth) {
            from to empty truncated fromTruncation fromNodes toNodes warnings
            changes { kind subject distance rootCause fromId toId value { key from to } metric { name from to delta } }
            rootCauses { kind subject }
            metrics { name from to delta }
            integrity { version }
          }
        }
        """;

    private ApiServer _server = null!;
    private RegisteredLineage _lineage = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _lineage = await RegisteredLineage.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LineageDiff_OfTwoModelVersions_NamesTheParameterAsRootCause_AndTheMetricAsItsConsequence()
    {
        var diff = (await _server.QueryAsync(Diff, new { a = _lineage.ModelV1, b = _lineage.ModelV2 })).GetProperty("lineageDiff");

        var changes = diff.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal([("PARAMETER", true), ("METRIC", false)], changes.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("rootCause").GetBoolean())));
        var parameter = changes[0];
        Assert.Equal(("airflow://prod/train_credit_risk", 1, _lineage.TrainRunA, _lineage.TrainRunB),
            (parameter.GetProperty("subject").GetString(), parameter.GetProperty("distance").GetInt32(), parameter.GetProperty("fromId").GetString(), parameter.GetProperty("toId").GetString()));
        Assert.Equal(("regularisation", "0.1", "0.01"), (parameter.GetProperty("value").GetProperty("key").GetString(), parameter.GetProperty("value").GetProperty("from").GetString(), parameter.GetProperty("value").GetProperty("to").GetString()));
        var auc = changes[1].GetProperty("metric");
        Assert.Equal(0.05, auc.GetProperty("delta").GetDouble(), 9);
        Assert.Equal("PARAMETER", Assert.Single(diff.GetProperty("rootCauses").EnumerateArray()).GetProperty("kind").GetString());
        Assert.False(diff.GetProperty("truncated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, diff.GetProperty("fromTruncation").ValueKind);
    }

    [Fact]
    public async Task LineageDiff_OfAVersionWithItself_IsEmpty()
    {
        var diff = (await _server.QueryAsync(Diff, new { a = _lineage.ModelV2, b = _lineage.ModelV2 })).GetProperty("lineageDiff");

        Assert.True(diff.GetProperty("empty").GetBoolean());
        Assert.Empty(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal(diff.GetProperty("fromNodes").GetInt32(), diff.GetProperty("toNodes").GetInt32());
    }

    [Fact]
    public async Task LineageDiff_WithADepthBudget_SaysItWasTruncated()
    {
        var diff = (await _server.QueryAsync(Diff, new { a = _lineage.ModelV1, b = _lineage.ModelV2, depth = 1 })).GetProperty("lineageDiff");

        Assert.True(diff.GetProperty("truncated").GetBoolean());
        Assert.Equal("DEPTH", diff.GetProperty("fromTruncation").GetString());
        Assert.NotEmpty(diff.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task LineageDiff_OfAModelVersionAndARun_IsAnInvalidInputError()
    {
        var (status, body) = await _server.PostAsync(Diff, new { a = _lineage.ModelV1, b = _lineage.TrainRunA });

        Assert.Equal(200, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("is compared only with another model_version", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
