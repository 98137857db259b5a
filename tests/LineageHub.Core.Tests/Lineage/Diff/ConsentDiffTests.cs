using LineageHub.Connectors.Consent;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Core.Tests.Lineage.Diff;

/// <summary>The diff's consent comparison on issue 8's bank, small: v1 fails its model's purpose, v2 retrained without the withdrawn subjects passes.</summary>
public sealed class ConsentDiffTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Diff_OfARetrainingThatFixedConsent_ReportsTheProofOutcomeChange()
    {
        await using var store = SqliteLineageStore.Open(_data.Path);
        var scenario = new ConsentScenario(300, _data.Path, new ManualTimeProvider(ConsentScenario.T0), new SubjectPseudonymizer(SubjectSecret.FromBytes("diff-test-secret-of-enough-bytes"u8)));
        await scenario.BuildV1Async(store, store);
        await scenario.RecordWithdrawalsAsync(store, store);
        await scenario.BuildV2Async(store, store);

        var diff = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(scenario.ModelV1, scenario.ModelV2));
        var same = await new LineageDiffer(store).DiffAsync(new LineageDiffRequest(scenario.ModelV2, scenario.ModelV2));

        var consent = Assert.Single(diff.Changes, c => c.Kind == ChangeKind.Consent);
        Assert.Equal($"fail for {ConsentScenario.Purpose}", consent.Value!.From);
        Assert.Equal($"pass for {ConsentScenario.Purpose}", consent.Value.To);
        Assert.DoesNotContain(same.Changes, c => c.Kind == ChangeKind.Consent);
    }
}
