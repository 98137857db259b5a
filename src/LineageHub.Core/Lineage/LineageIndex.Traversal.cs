using System.Diagnostics;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

public sealed partial class LineageIndex
{
    // Per-thread scratch: a visit stamp per node (compared with a per-walk generation, so nothing is
    // cleared between walks) and the two BFS frontiers. Traversal is synchronous, so a thread's scratch
    // is never shared.
    [ThreadStatic] private static int[]? t_stamps;
    [ThreadStatic] private static int t_generation;
    [ThreadStatic] private static List<int>? t_frontier;
    [ThreadStatic] private static List<int>? t_next;

    private const int ClockCheckInterval = 4096;

    /// <summary>
    /// Walks from the request's start within its budgets, seeing only nodes and edges created by ledger
    /// entries below <paramref name="asOfSize"/>.
    /// </summary>
    public TraversalResult Traverse(TraversalRequest request, long asOfSize, CancellationToken cancellationToken = default)
    {
        request.Validate();
        _lock.EnterReadLock();
        try
        {
            if (!_ordinals.TryGetValue(request.Start, out var start) || _nodeSeq[start] >= asOfSize)
            {
                throw LineageHubException.NotFound(asOfSize == long.MaxValue
                    ? $"no node {request.Start}"
                    : $"no node {request.Start} in the graph as of ledger size {asOfSize}");
            }
            var walk = new Walk(this, request, asOfSize, cancellationToken);
            if (request.Direction == LineageDirection.Both)
            {
                walk.Run(start, up: true);
                var seen = new HashSet<NodeKey>(walk.Nodes.Select(n => n.Key));
                var upstream = walk.Nodes.ToList();
                var upstreamEdges = walk.Edges.ToList();
                walk.Run(start, up: false);
                upstream.AddRange(walk.Nodes.Where(n => seen.Add(n.Key)));
                upstreamEdges.AddRange(walk.Edges);
                return new TraversalResult(request.Start, upstream, upstreamEdges, walk.Truncation, asOfSize);
            }
            walk.Run(start, up: request.Direction == LineageDirection.Upstream);
            return new TraversalResult(request.Start, walk.Nodes, walk.Edges, walk.Truncation, asOfSize);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>One walk's state; the index's read lock is held for its whole life.</summary>
    private sealed class Walk(LineageIndex index, TraversalRequest request, long asOfSize, CancellationToken cancellationToken)
    {
        private readonly bool[] _followKind = FollowMask(request.EdgeKinds);
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<TraversedNode> Nodes { get; private set; } = [];

        public List<TraversedEdge> Edges { get; private set; } = [];

        public TruncationReason? Truncation { get; private set; }

        public void Run(int start, bool up)
        {
            Nodes = [];
            Edges = [];
            var adjacency = up ? index._up : index._down;
            var stamps = Scratch(index._nodeCount, out var generation);
            var frontier = t_frontier ??= [];
            var next = t_next ??= [];
            frontier.Clear();
            next.Clear();

            stamps[start] = generation;
            Nodes.Add(new TraversedNode(index._keys[start], 0));
            frontier.Add(start);
            var steps = 0;
            for (var depth = 0; frontier.Count > 0; depth++)
            {
                foreach (var node in frontier)
                {
                    var list = adjacency[node];
                    for (var i = 0; i < list.Count; i++)
                    {
                        var neighbour = list.Items[2 * i];
                        var edge = list.Items[(2 * i) + 1];
                        if (index._edgeSeq[edge] >= asOfSize || !_followKind[(int)index._edgeKind[edge]])
                        {
                            continue;
                        }
                        if (depth == request.MaxDepth)
                        {
                            // Not expanded: the walk is cut only if this edge leads somewhere new.
                            if (stamps[neighbour] != generation)
                            {
                                Truncation ??= TruncationReason.Depth;
                            }
                            continue;
                        }
                        if (request.IncludeEdges)
                        {
                            Edges.Add(new TraversedEdge(index._edgeKind[edge], index._keys[index._edgeFrom[edge]], index._keys[index._edgeTo[edge]]));
                        }
                        if (stamps[neighbour] == generation)
                        {
                            continue;
                        }
                        if (Nodes.Count >= request.MaxNodes)
                        {
                            Truncation = TruncationReason.Nodes;
                            return;
                        }
                        stamps[neighbour] = generation;
                        Nodes.Add(new TraversedNode(index._keys[neighbour], depth + 1));
                        next.Add(neighbour);
                    }
                    if (++steps % ClockCheckInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (_clock.Elapsed > request.Timeout)
                        {
                            Truncation = TruncationReason.Time;
                            return;
                        }
                    }
                }
                (frontier, next) = (next, frontier);
                next.Clear();
            }
        }

        private static bool[] FollowMask(IReadOnlySet<EdgeKind>? kinds)
        {
            var mask = new bool[Enum.GetValues<EdgeKind>().Length];
            for (var k = 0; k < mask.Length; k++)
            {
                mask[k] = kinds is null || kinds.Contains((EdgeKind)k);
            }
            return mask;
        }

        private static int[] Scratch(int nodeCount, out int generation)
        {
            if (t_stamps is null || t_stamps.Length < nodeCount || t_generation == int.MaxValue)
            {
                t_stamps = new int[Math.Max(nodeCount, 1024) + (nodeCount / 4)];
                t_generation = 0;
            }
            generation = ++t_generation;
            return t_stamps;
        }
    }
}
