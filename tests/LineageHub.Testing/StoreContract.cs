using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;

namespace LineageHub.Testing;

/// <summary>
/// The storage port's contract. Every adapter's test class derives from this and says how to open a
/// fresh, empty store; the same assertions then hold for all of them.
/// </summary>
public abstract class StoreContract
{
    protected ManualTimeProvider Clock { get; } = new();

    /// <summary>A new, empty store using <see cref="Clock"/>.</summary>
    protected abstract Task<ILineageStore> CreateStoreAsync();

    [Fact]
    public async Task Append_NewFacts_WritesOneEntryUnderASignedHead()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        var result = await store.AppendAsync(scenario.Changes);
        Assert.Equal(0, result.Seq);
        Assert.Equal(12, result.NodesCreated);
        Assert.Equal(13, result.EdgesCreated); // 11 given, 2 DERIVED_FROM derived from the ETL run's reads and write
        var head = await store.GetTreeHeadAsync();
        Assert.Equal(1, head.Size);
        Assert.True(TreeHeadSigner.VerifyWith(store.SigningPublicKeyPem, head));
        var entry = await store.GetEntryAsync(0);
        Assert.Equal(12, entry.Nodes.Count);
    }

    [Fact]
    public async Task Append_SameFactsTwice_ChangesNothingAndSaysSo()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);
        var again = await store.AppendAsync(scenario.Changes);
        Assert.False(again.Changed);
        Assert.Equal(12, again.NodesUnchanged);
        Assert.Equal(11, again.EdgesUnchanged); // the 11 it asserted; nothing new to derive from
        Assert.Contains("nothing changed", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetTreeHeadAsync()).Size);
    }

    [Fact]
    public async Task Append_ConflictingContentForAKey_IsRejectedWholeNamingTheNode()
    {
        await using var store = await CreateStoreAsync();
        var dataset = Some.Dataset();
        await store.AppendAsync(ChangeSet.Builder().Add(dataset).Build());
        var unrelated = Some.Dataset();
        var conflicting = ChangeSet.Builder().Add(unrelated).Add(dataset with { Description = "changed" }).Build();

        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.AppendAsync(conflicting));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Contains(dataset.Key.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindNodeAsync(unrelated.Key));
        Assert.Equal(1, (await store.GetTreeHeadAsync()).Size);
    }

    [Fact]
    public async Task Append_EdgeToMissingNode_IsRejectedNamingTheMissingNode()
    {
        await using var store = await CreateStoreAsync();
        var dataset = Some.Dataset();
        var version = Some.VersionOf(dataset);
        var changes = ChangeSet.Builder().Add(version).Link(EdgeKind.VersionOf, version.Key, dataset.Key).Build();

        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.AppendAsync(changes));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Contains($"names node {dataset.Key}, which does not exist", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindNodeAsync(version.Key));
    }

    [Fact]
    public async Task Append_EdgeBetweenWrongKinds_IsRejected()
    {
        await using var store = await CreateStoreAsync();
        var dataset = Some.Dataset();
        var job = Some.Job();
        var changes = ChangeSet.Builder().Add(dataset).Add(job).Link(EdgeKind.Read, dataset.Key, job.Key).Build();

        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.AppendAsync(changes));

        Assert.Contains("READ joins run → dataset_version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ARunThatReadAndWrote_DerivesDatasetLineage_InTheSameEntry()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var derived = await store.GetEdgesAsync(scenario.FeaturesV1.Key, EdgeDirection.Outgoing, EdgeKind.DerivedFrom);
        var datasetsOnly = await store.TraverseAsync(new TraversalRequest(scenario.FeaturesV1.Key) { EdgeKinds = new HashSet<EdgeKind> { EdgeKind.DerivedFrom } });

        Assert.Equal(new HashSet<NodeKey> { scenario.CrmV1.Key, scenario.LedgerV1.Key }, derived.Select(e => e.To).ToHashSet());
        Assert.All(derived, e => Assert.Equal(0, e.Seq));
        Assert.Equal(3, datasetsOnly.Nodes.Count);

        // A later READ by the same run derives again, for the outputs it already wrote.
        var lateInput = Some.VersionOf(Some.Dataset());
        var late = await store.AppendAsync(ChangeSet.Builder().Add(lateInput).Link(EdgeKind.Read, scenario.EtlRun.Key, lateInput.Key).Build());
        Assert.Equal(2, late.EdgesCreated);
        Assert.Equal(3, (await store.GetEdgesAsync(scenario.FeaturesV1.Key, EdgeDirection.Outgoing, EdgeKind.DerivedFrom)).Count);
    }

    [Fact]
    public async Task FindNodes_ReturnsTheTypedRecordsAsRegistered()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var found = await store.FindNodesAsync([scenario.ModelV1.Key, scenario.TrainRun.Key, new NodeKey(NodeKind.Job, "missing|job")]);

        Assert.Equal(2, found.Count);
        var run = found[scenario.TrainRun.Key].As<Run>();
        Assert.Equal(scenario.TrainRun.RunId, run.RunId);
        Assert.Equal("0.01", run.Parameters!["learning_rate"]);
        Assert.Equal(0.91, found[scenario.ModelV1.Key].As<ModelVersion>().Metrics!["accuracy"]);
    }

    [Fact]
    public async Task GetEdges_ListsBothDirectionsWithProperties()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var reads = await store.GetEdgesAsync(scenario.TrainRun.Key, EdgeDirection.Outgoing, EdgeKind.Read);
        var readers = await store.GetEdgesAsync(scenario.FeaturesV1.Key, EdgeDirection.Incoming);

        var read = Assert.Single(reads);
        Assert.Equal(scenario.FeaturesV1.Key, read.To);
        Assert.Equal("""{"role":"train"}""", System.Text.Encoding.UTF8.GetString(read.Properties));
        Assert.Equal(2, readers.Count);
        Assert.Contains(readers, e => e.Kind == EdgeKind.Wrote && e.From == scenario.EtlRun.Key);
    }

    [Fact]
    public async Task ListNodes_PagesInKeyOrderWithPrefix()
    {
        await using var store = await CreateStoreAsync();
        var builder = ChangeSet.Builder();
        for (var i = 0; i < 7; i++)
        {
            builder.Add(new Dataset("s3://lake", $"events_{i}"));
        }
        builder.Add(new Dataset("s3://other", "events"));
        await store.AppendAsync(builder.Build());

        var first = await store.ListNodesAsync(NodeKind.Dataset, "s3://lake|", null, 5);
        var second = await store.ListNodesAsync(NodeKind.Dataset, "s3://lake|", first[^1].Key.Key, 5);

        Assert.Equal(5, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal("s3://lake|events_6", second[^1].Key.Key);
    }

    [Fact]
    public async Task PageNodes_MatchesTheNameOnly_IgnoringCase_AndPagesBothWays()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(ChangeSet.Builder()
            .Add(new Dataset("s3://lake", "Customer_Events")).Add(new Dataset("s3://lake", "orders"))
            .Add(new Dataset("s3://events", "payments")).Add(new Dataset("s3://lake", "customer|churn"))
            .Build());

        var all = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10) { NameContains = "CUSTOMER" });
        var firstPage = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(1) { NameContains = "customer" });
        var secondPage = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10) { NameContains = "customer", AfterKey = firstPage[0].Key.Key });
        var byNamespace = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10) { KeyPrefix = "s3://events|", NameContains = "events" });
        var escaped = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(10) { NameContains = "r|ch" });
        var lastTwo = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(2) { Backward = true });
        var beforeLastTwo = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(5) { Backward = true, BeforeKey = lastTwo[0].Key.Key });
        var between = await store.PageNodesAsync(NodeKind.Dataset, new NodePageRequest(5) { AfterKey = "s3://events|payments", BeforeKey = "s3://lake|orders" });

        Assert.Equal(["s3://lake|Customer_Events", "s3://lake|customer%7Cchurn"], all.Select(n => n.Key.Key));
        Assert.Single(firstPage);
        Assert.Equal("s3://lake|customer%7Cchurn", Assert.Single(secondPage).Key.Key);
        Assert.Empty(byNamespace); // "events" is in that namespace, not in any of its names
        Assert.Equal("customer|churn", Assert.Single(escaped).As<Dataset>().Name);
        Assert.Equal(["s3://lake|customer%7Cchurn", "s3://lake|orders"], lastTwo.Select(n => n.Key.Key));
        Assert.Equal(["s3://events|payments", "s3://lake|Customer_Events"], beforeLastTwo.Select(n => n.Key.Key));
        Assert.Equal(["s3://lake|Customer_Events", "s3://lake|customer%7Cchurn"], between.Select(n => n.Key.Key));
    }

    [Fact]
    public async Task GetEdgesOfMany_AnswersEveryNodeInOneCall_AsGetEdgesDoesOneByOne()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);
        NodeKey[] runs = [scenario.EtlRun.Key, scenario.TrainRun.Key, scenario.CrmV1.Key];
        var unknown = new NodeKey(NodeKind.Run, Guid.NewGuid().ToString("D"));

        var reads = await store.GetEdgesOfManyAsync([.. runs, unknown], EdgeDirection.Outgoing, EdgeKind.Read);
        var incoming = await store.GetEdgesOfManyAsync([scenario.FeaturesV1.Key], EdgeDirection.Incoming);

        Assert.Equal(3, reads.Count);
        Assert.False(reads.ContainsKey(unknown));
        foreach (var run in runs)
        {
            var one = await store.GetEdgesAsync(run, EdgeDirection.Outgoing, EdgeKind.Read);
            Assert.Equal(one.Select(e => (e.Kind, e.From, e.To, e.Seq)), reads[run].Select(e => (e.Kind, e.From, e.To, e.Seq)));
        }
        Assert.Equal(2, reads[scenario.EtlRun.Key].Count);
        Assert.Empty(reads[scenario.CrmV1.Key]);
        Assert.Equal("""{"role":"train"}""", System.Text.Encoding.UTF8.GetString(Assert.Single(reads[scenario.TrainRun.Key]).Properties));
        var arriving = incoming[scenario.FeaturesV1.Key];
        Assert.Contains(arriving, e => e.Kind == EdgeKind.Wrote && e.From == scenario.EtlRun.Key && e.To == scenario.FeaturesV1.Key);
        Assert.Contains(arriving, e => e.Kind == EdgeKind.Read && e.From == scenario.TrainRun.Key);
        // Every kind at once comes in the order GetEdges gives, properties included.
        Assert.Equal(Described(await store.GetEdgesAsync(scenario.FeaturesV1.Key, EdgeDirection.Incoming)), Described(arriving));
        var leaving = await store.GetEdgesOfManyAsync([scenario.TrainRun.Key], EdgeDirection.Outgoing);
        Assert.Equal(Described(await store.GetEdgesAsync(scenario.TrainRun.Key, EdgeDirection.Outgoing)), Described(leaving[scenario.TrainRun.Key]));
        Assert.Empty(await store.GetEdgesOfManyAsync([], EdgeDirection.Outgoing));
    }

    [Fact]
    public async Task Traverse_UpstreamOfAModelVersion_ReachesItsSourcesThroughTheRuns()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var result = await store.TraverseAsync(new TraversalRequest(scenario.ModelV1.Key));

        var keys = result.Nodes.Select(n => n.Key).ToHashSet();
        Assert.Contains(scenario.CrmV1.Key, keys);
        Assert.Contains(scenario.LedgerV1.Key, keys);
        Assert.Contains(scenario.EtlRun.Key, keys);
        Assert.Equal(1, result.Nodes.Single(n => n.Key == scenario.TrainRun.Key).Depth);
        Assert.False(result.Truncated);
        Assert.Contains(result.Edges, e => e.Kind == EdgeKind.Wrote && e.To == scenario.FeaturesV1.Key);
    }

    [Fact]
    public async Task Traverse_Downstream_FindsEveryConsumerOfASource()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var result = await store.TraverseAsync(new TraversalRequest(scenario.CrmV1.Key) { Direction = LineageDirection.Downstream });

        Assert.Contains(result.Nodes, n => n.Key == scenario.ModelV1.Key);
        Assert.DoesNotContain(result.Nodes, n => n.Key == scenario.LedgerV1.Key);
    }

    [Fact]
    public async Task Traverse_BeyondItsBudgets_SaysItWasTruncated()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);

        var shallow = await store.TraverseAsync(new TraversalRequest(scenario.ModelV1.Key) { MaxDepth = 1 });
        var small = await store.TraverseAsync(new TraversalRequest(scenario.ModelV1.Key) { MaxNodes = 3 });
        var exact = await store.TraverseAsync(new TraversalRequest(scenario.CrmV1.Key) { MaxDepth = 5, EdgeKinds = new HashSet<EdgeKind> { EdgeKind.VersionOf } });

        Assert.Equal(TruncationReason.Depth, shallow.Truncation);
        // Depth 1 reaches the producing run and the model the version belongs to, nothing further.
        Assert.Equal(new HashSet<NodeKey> { scenario.ModelV1.Key, scenario.TrainRun.Key, scenario.ModelV1.Id.Model.Key }, shallow.Nodes.Select(n => n.Key).ToHashSet());
        Assert.Equal(TruncationReason.Nodes, small.Truncation);
        Assert.Equal(3, small.Nodes.Count);
        Assert.False(exact.Truncated);
        Assert.Equal(2, exact.Nodes.Count);
    }

    [Fact]
    public async Task Traverse_AsOfAnEarlierPosition_SeesTheGraphExactlyAsItWas()
    {
        await using var store = await CreateStoreAsync();
        var scenario = Some.Lineage();
        await store.AppendAsync(scenario.Changes);
        var before = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(1));
        var newer = Some.VersionOf(new Dataset(scenario.CrmV1.Namespace, scenario.CrmV1.Name));
        await store.AppendAsync(ChangeSet.Builder().Add(newer).Link(EdgeKind.DerivedFrom, newer.Key, scenario.CrmV1.Key).Build());

        var now = await store.TraverseAsync(new TraversalRequest(scenario.CrmV1.Key) { Direction = LineageDirection.Downstream });
        var bySize = await store.TraverseAsync(new TraversalRequest(scenario.CrmV1.Key) { Direction = LineageDirection.Downstream, AsOf = LedgerPosition.AtSize(1) });
        var byTime = await store.TraverseAsync(new TraversalRequest(scenario.CrmV1.Key) { Direction = LineageDirection.Downstream, AsOf = LedgerPosition.AtTime(before) });

        Assert.Contains(now.Nodes, n => n.Key == newer.Key);
        Assert.DoesNotContain(bySize.Nodes, n => n.Key == newer.Key);
        Assert.Equal(bySize.Nodes.Count, byTime.Nodes.Count);
        Assert.Equal(1, byTime.AsOfSize);
        await Assert.ThrowsAsync<LineageHubException>(() => store.TraverseAsync(new TraversalRequest(newer.Key) { AsOf = LedgerPosition.AtSize(1) }));
    }

    [Fact]
    public async Task Traverse_UnknownStart_IsNotFound()
    {
        await using var store = await CreateStoreAsync();
        var error = await Assert.ThrowsAsync<LineageHubException>(() => store.TraverseAsync(new TraversalRequest(new NodeKey(NodeKind.Dataset, "no|such"))));
        Assert.Equal(ErrorCode.NotFound, error.Code);
    }

    [Fact]
    public async Task Proofs_ForEveryEntryAndSize_VerifyAgainstTheSignedHeads()
    {
        await using var store = await CreateStoreAsync();
        for (var i = 0; i < 9; i++)
        {
            await store.AppendAsync(ChangeSet.Builder().Add(Some.Dataset()).Build());
        }
        var head = await store.GetTreeHeadAsync();
        Assert.Equal(9, head.Size);
        for (var seq = 0; seq < 9; seq++)
        {
            var proof = await store.ProveInclusionAsync(seq);
            Assert.True(proof.Verify().IsValid);
            Assert.Equal(head.Root, proof.Root);
            var entry = await store.GetEntryAsync(seq);
            Assert.Equal(proof.LeafHash.ToString(), Convert.ToHexStringLower(entry.LeafHash()));
        }
        for (var from = 1; from <= 9; from++)
        {
            Assert.True((await store.ProveConsistencyAsync(from, 9)).Verify().IsValid);
        }
        await Assert.ThrowsAsync<LineageHubException>(() => store.ProveInclusionAsync(9));
        await Assert.ThrowsAsync<LineageHubException>(() => store.ProveConsistencyAsync(0, 9));
    }

    [Fact]
    public async Task Append_ManyConcurrentWriters_AllAcknowledgedAndAllRecorded()
    {
        await using var store = await CreateStoreAsync();
        var datasets = Enumerable.Range(0, 200).Select(_ => Some.Dataset()).ToList();

        var results = await Task.WhenAll(datasets.Select(d => store.AppendAsync(ChangeSet.Builder().Add(d).Build())));

        Assert.Equal(200, results.Select(r => r.Seq).Distinct().Count());
        Assert.Equal(200, (await store.FindNodesAsync(datasets.Select(d => d.Key).ToList())).Count);
        Assert.Equal(200, (await store.GetTreeHeadAsync()).Size);
        Assert.True((await store.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Verify_AfterOrdinaryUse_FindsNoProblem()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(Some.Lineage().Changes);
        await store.AppendAsync(Some.Lineage().Changes);

        var report = await store.VerifyAsync();

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Entries);
        Assert.Equal(24, report.Nodes);
        Assert.Equal(26, report.Edges);
    }

    /// <summary>Edges as comparable text: kind, ends, entry and properties.</summary>
    protected static IEnumerable<string> Described(IEnumerable<EdgeRecord> edges) =>
        edges.Select(e => $"{e.Kind} {e.From} -> {e.To} @{e.Seq} {System.Text.Encoding.UTF8.GetString(e.Properties)}");
}
