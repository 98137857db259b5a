using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;

namespace LineageHub.Core.Tests.Lineage;

/// <summary>
/// The index's walk against a plain breadth-first search over the same random graph: the walk's compact
/// arrays, overflow lists and memory prefetching are all optimisations, so the answers must be exactly the
/// textbook ones.
/// </summary>
public sealed class LineageIndexTests
{
    private const int NodeCount = 20_000;

    [Fact]
    public void EdgesOf_MatchesTheEdgesInTheOrderAdded_CompactAndWithOverflow()
    {
        var graph = RandomGraph.Build(NodeCount, seed: 5);
        using var index = graph.Index();
        graph.AddLateEdges(index, count: 500, seed: 13);
        var nodes = Enumerable.Range(0, NodeCount).Where(n => n % 97 == 0).ToList();
        foreach (var direction in new[] { Storage.EdgeDirection.Outgoing, Storage.EdgeDirection.Incoming })
        {
            foreach (var kind in new EdgeKind?[] { null, EdgeKind.Read, EdgeKind.DerivedFrom })
            {
                var found = index.EdgesOf(nodes.Select(RandomGraph.Key), direction, kind);

                Assert.Equal(nodes.Count, found.Count);
                foreach (var node in nodes)
                {
                    var expected = graph.EdgesOf(node, direction, kind);
                    Assert.Equal(expected, found[RandomGraph.Key(node)].Select(e => (e.Kind, e.FromOrdinal, e.ToOrdinal, e.Seq)));
                }
            }
        }
        Assert.Empty(index.EdgesOf([new NodeKey(NodeKind.Run, "not indexed")], Storage.EdgeDirection.Outgoing, null));
    }

    [Theory]
    [InlineData(LineageDirection.Upstream, int.MaxValue)]
    [InlineData(LineageDirection.Downstream, int.MaxValue)]
    [InlineData(LineageDirection.Upstream, 3)]
    [InlineData(LineageDirection.Downstream, 1)]
    [InlineData(LineageDirection.Upstream, 0)]
    public void Traverse_MatchesABreadthFirstSearch_CompactAndWithOverflow(LineageDirection direction, int maxDepth)
    {
        var graph = RandomGraph.Build(NodeCount, seed: 7);
        using var index = graph.Index();
        foreach (var withOverflow in new[] { false, true })
        {
            if (withOverflow)
            {
                // Edges added after the compaction live in the overflow lists until the next one.
                graph.AddLateEdges(index, count: 500, seed: 11);
            }
            foreach (var start in new[] { NodeCount - 1, NodeCount / 2, 17 })
            {
                var request = new TraversalRequest(RandomGraph.Key(start)) { Direction = direction, MaxDepth = maxDepth, IncludeEdges = false };
                var walk = index.Traverse(request, long.MaxValue);
                var expected = graph.Bfs(start, direction, maxDepth, long.MaxValue, kinds: null);

                Assert.Equal(expected.Depths, walk.Nodes.ToDictionary(n => n.Key, n => n.Depth));
                Assert.Equal(expected.CutByDepth, walk.Truncation == TruncationReason.Depth);
            }
        }
    }

    [Fact]
    public void Traverse_AsOfAnEarlierSize_SeesOnlyTheEdgesWrittenBeforeIt()
    {
        var graph = RandomGraph.Build(NodeCount, seed: 3);
        using var index = graph.Index();

        foreach (var asOf in new long[] { NodeCount / 3, NodeCount / 2, NodeCount })
        {
            var start = (int)(asOf - 1);
            var walk = index.Traverse(new TraversalRequest(RandomGraph.Key(start)) { IncludeEdges = false }, asOf);
            var expected = graph.Bfs(start, LineageDirection.Upstream, int.MaxValue, asOf, kinds: null);

            Assert.Equal(expected.Depths, walk.Nodes.ToDictionary(n => n.Key, n => n.Depth));
        }
    }

    [Fact]
    public void Traverse_FilteredByEdgeKind_FollowsOnlyThoseEdges()
    {
        var graph = RandomGraph.Build(NodeCount, seed: 5);
        using var index = graph.Index();
        var kinds = new HashSet<EdgeKind> { EdgeKind.Read };

        var walk = index.Traverse(new TraversalRequest(RandomGraph.Key(NodeCount - 1)) { EdgeKinds = kinds, IncludeEdges = false }, long.MaxValue);
        var expected = graph.Bfs(NodeCount - 1, LineageDirection.Upstream, int.MaxValue, long.MaxValue, kinds);

        Assert.Equal(expected.Depths, walk.Nodes.ToDictionary(n => n.Key, n => n.Depth));
        Assert.True(expected.Depths.Count < graph.Bfs(NodeCount - 1, LineageDirection.Upstream, int.MaxValue, long.MaxValue, null).Depths.Count,
            "the filter must leave out some of the graph, or this test shows nothing");
    }

    [Fact]
    public void Traverse_WithANodeBudget_StopsAtItAndSaysSo()
    {
        var graph = RandomGraph.Build(NodeCount, seed: 9);
        using var index = graph.Index();

        var walk = index.Traverse(new TraversalRequest(RandomGraph.Key(NodeCount - 1)) { MaxNodes = 1000, IncludeEdges = false }, long.MaxValue);
        var full = graph.Bfs(NodeCount - 1, LineageDirection.Upstream, int.MaxValue, long.MaxValue, null);

        Assert.True(full.Depths.Count > 1000);
        Assert.Equal(1000, walk.Nodes.Count);
        Assert.Equal(TruncationReason.Nodes, walk.Truncation);
        Assert.All(walk.Nodes, n => Assert.Equal(full.Depths[n.Key], n.Depth));
    }

    [Fact]
    public void TryGetKey_AnswersTheKeyOfEachOrdinal_AndNothingPastTheLastNode()
    {
        using var index = new LineageIndex();
        var keys = Enumerable.Range(0, 3000).Select(RandomGraph.Key).ToList();
        foreach (var (key, seq) in keys.Select((k, i) => (k, (long)i)))
        {
            index.AddNode(key, seq);
        }

        for (var ordinal = 0; ordinal < keys.Count; ordinal++)
        {
            Assert.True(index.TryGetKey(ordinal, out var key));
            Assert.Equal(keys[ordinal], key);
            Assert.True(index.TryGetOrdinal(key, out var back));
            Assert.Equal(ordinal, back);
        }
        Assert.False(index.TryGetKey(keys.Count, out _));
        Assert.False(index.TryGetKey(-1, out _));
        Assert.False(index.TryGetKey(long.MaxValue, out _));
    }

    [Fact]
    public async Task TryGetKey_WhileNodesAreAdded_NeverAnswersAWrongOrMissingKey()
    {
        using var index = new LineageIndex();
        const int count = 200_000;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < count; i++)
            {
                index.AddNode(RandomGraph.Key(i), i);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            var wrong = 0;
            while (!writer.IsCompleted)
            {
                var visible = index.NodeCount;
                var ordinal = random.Next(visible + 1);
                // Every ordinal below a count read earlier must answer its own key.
                if (ordinal < visible && (!index.TryGetKey(ordinal, out var key) || key != RandomGraph.Key(ordinal)))
                {
                    wrong++;
                }
            }
            return wrong;
        })).ToArray();

        await writer;
        Assert.All(await Task.WhenAll(readers), wrong => Assert.Equal(0, wrong));
        Assert.True(index.TryGetKey(count - 1, out var last));
        Assert.Equal(RandomGraph.Key(count - 1), last);
    }

    /// <summary>
    /// Node i is created by ledger entry i, with up to three edges to random earlier nodes in the same
    /// entry, of two kinds. Edge seqs therefore never decrease, as the ledger guarantees.
    /// </summary>
    private sealed class RandomGraph
    {
        private readonly List<(EdgeKind Kind, int From, int To, long Seq)> _edges = [];
        private readonly int _nodeCount;

        private RandomGraph(int nodeCount) => _nodeCount = nodeCount;

        public static NodeKey Key(int node) => new(NodeKind.DatasetVersion, $"n{node}");

        public static RandomGraph Build(int nodeCount, int seed)
        {
            var random = new Random(seed);
            var graph = new RandomGraph(nodeCount);
            for (var node = 1; node < nodeCount; node++)
            {
                for (var i = random.Next(4); i > 0; i--)
                {
                    // Mostly near neighbours, sometimes far ones, so walks are long and wide.
                    var parent = random.Next(3) == 0 ? random.Next(node) : Math.Max(0, node - 1 - random.Next(50));
                    var kind = random.Next(4) == 0 ? EdgeKind.Read : EdgeKind.DerivedFrom;
                    graph._edges.Add((kind, kind == EdgeKind.Read ? parent : node, kind == EdgeKind.Read ? node : parent, node));
                }
            }
            return graph;
        }

        public LineageIndex Index()
        {
            var index = new LineageIndex();
            for (var node = 0; node < _nodeCount; node++)
            {
                index.AddNode(Key(node), node);
            }
            foreach (var (kind, from, to, seq) in _edges)
            {
                index.AddEdge(kind, from, to, seq, hasProperties: false);
            }
            index.Compact();
            return index;
        }

        /// <summary>A node's edges in one direction (of one kind, or all), in the order they were added.</summary>
        public List<(EdgeKind Kind, int From, int To, long Seq)> EdgesOf(int node, Storage.EdgeDirection direction, EdgeKind? kind) =>
            [.. _edges.Where(e => (direction == Storage.EdgeDirection.Outgoing ? e.From : e.To) == node && (kind is null || e.Kind == kind))];

        public void AddLateEdges(LineageIndex index, int count, int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                var node = 1 + random.Next(_nodeCount - 1);
                var parent = random.Next(node);
                long seq = _nodeCount + i;
                _edges.Add((EdgeKind.DerivedFrom, node, parent, seq));
                index.AddEdge(EdgeKind.DerivedFrom, node, parent, seq, hasProperties: false);
            }
        }

        public (Dictionary<NodeKey, int> Depths, bool CutByDepth) Bfs(int start, LineageDirection direction, int maxDepth, long asOf, IReadOnlySet<EdgeKind>? kinds)
        {
            var neighbours = new List<int>[_nodeCount];
            foreach (var (kind, from, to, seq) in _edges)
            {
                if (seq >= asOf || (kinds is not null && !kinds.Contains(kind)))
                {
                    continue;
                }
                var (child, parent) = EdgeRules.TargetIsUpstream(kind) ? (from, to) : (to, from);
                var (source, target) = direction == LineageDirection.Upstream ? (child, parent) : (parent, child);
                (neighbours[source] ??= []).Add(target);
            }
            var depth = new Dictionary<int, int> { [start] = 0 };
            var frontier = new List<int> { start };
            var cut = false;
            for (var d = 0; frontier.Count > 0; d++)
            {
                var next = new List<int>();
                foreach (var node in frontier)
                {
                    foreach (var target in neighbours[node] ?? [])
                    {
                        if (depth.ContainsKey(target))
                        {
                            continue;
                        }
                        if (d == maxDepth)
                        {
                            cut = true;
                            continue;
                        }
                        depth[target] = d + 1;
                        next.Add(target);
                    }
                }
                frontier = next;
            }
            return (depth.ToDictionary(p => Key(p.Key), p => p.Value), cut);
        }
    }
}
