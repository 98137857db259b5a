using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

public sealed partial class LineageIndex
{
    // Per-thread scratch, reused across walks: a visited bit per node (a million nodes fit in 128 KB,
    // so the set stays in cache). Traversal is synchronous, so a thread's
    // scratch is never shared.
    [ThreadStatic] private static ulong[]? t_visited;

    private const int ClockCheckInterval = 4096;

    // How many queued nodes ahead of the one being expanded to prefetch: far enough to cover a memory
    // round trip, near enough that the lines are still in cache when they are used.
    private const int PrefetchDistance = 32;

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
            // Nodes and edges are in ledger order, so "as of" is a bound on edge ordinals.
            var edgeBound = asOfSize == long.MaxValue ? _edgeCount : UpperBound(_edgeSeq, _edgeCount, asOfSize);
            var walk = new Walk(this, request, edgeBound, cancellationToken);
            if (request.Direction == LineageDirection.Both)
            {
                walk.Run(start, _up);
                var upstream = walk.Nodes();
                var edges = walk.Edges;
                var truncation = walk.Truncation;
                var seen = new HashSet<NodeKey>(upstream.Select(n => n.Key));
                walk.Run(start, _down);
                var union = upstream.Concat(walk.Nodes().Where(n => seen.Add(n.Key))).ToList();
                edges.AddRange(walk.Edges);
                return new TraversalResult(request.Start, union, edges, truncation ?? walk.Truncation, asOfSize);
            }
            walk.Run(start, request.Direction == LineageDirection.Upstream ? _up : _down);
            return new TraversalResult(request.Start, walk.Nodes(), walk.Edges, walk.Truncation, asOfSize);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // The count of leading elements below bound in a non-decreasing array.
    private static int UpperBound(long[] sorted, int count, long bound)
    {
        var (low, high) = (0, count);
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < bound)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /// <summary>
    /// One walk's state; the index's read lock is held for its whole life. The output is the BFS queue
    /// itself: nodes are appended in the order they are reached, level after level, so
    /// <see cref="LevelStarts"/> gives every node's depth without storing one per node.
    /// </summary>
    private sealed class Walk(LineageIndex index, TraversalRequest request, int edgeBound, CancellationToken cancellationToken)
    {
        private readonly bool[]? _followKind = FollowMask(request.EdgeKinds);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private ulong[] _visited = [];
        private int[] _queue = [];
        private int _count;
        private int _depth;
        private bool _stopped;

        /// <summary>Where each depth's nodes begin in the queue: depth d is [LevelStarts[d], LevelStarts[d+1]).</summary>
        public List<int> LevelStarts { get; private set; } = [];

        public List<TraversedEdge> Edges { get; private set; } = [];

        public TruncationReason? Truncation { get; private set; }

        public void Run(int start, Adjacency adjacency)
        {
            _queue = new int[256];
            _count = 0;
            LevelStarts = [0];
            Edges = [];
            _stopped = false;
            _visited = Scratch(index._nodeCount);
            Mark(start);
            _queue[_count++] = start;

            var offsets = adjacency.Offsets;
            var items = adjacency.Items;
            var compactNodes = adjacency.CompactNodes;
            // After a compaction there is no overflow at all: skip the per-node look-up, which would cost
            // a cache miss per node on a large graph.
            var hasOverflow = adjacency.OverflowCount > 0;
            var head = 0;
            for (_depth = 0; head < _count && !_stopped; _depth++)
            {
                var levelEnd = _count;
                LevelStarts.Add(levelEnd);
                for (; head < levelEnd; head++)
                {
                    PrefetchAhead(_queue, _count, head, offsets, items, compactNodes);
                    var node = _queue[head];
                    if (node < compactNodes)
                    {
                        Expand(items.AsSpan(2 * offsets[node], 2 * (offsets[node + 1] - offsets[node])));
                    }
                    if (hasOverflow && !_stopped)
                    {
                        var (overflow, count) = adjacency.OverflowOf(node);
                        if (count > 0)
                        {
                            Expand(overflow.AsSpan(0, 2 * count));
                        }
                    }
                    if (_stopped)
                    {
                        return;
                    }
                    if ((head & (ClockCheckInterval - 1)) == ClockCheckInterval - 1)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (_clock.Elapsed > request.Timeout)
                        {
                            Truncation = TruncationReason.Time;
                            return;
                        }
                    }
                }
            }
        }

        public IReadOnlyList<TraversedNode> Nodes() => new TraversedNodeList(index._keys, _queue, _count, [.. LevelStarts, _count]);

        // The hot loop: one node's (neighbour, edge) pairs, with the walk's state in locals so the JIT
        // keeps it in registers; written back once at the end.
        private void Expand(ReadOnlySpan<int> pairs)
        {
            var visited = _visited;
            var queue = _queue;
            var count = _count;
            var atMaxDepth = _depth == request.MaxDepth;
            var includeEdges = request.IncludeEdges;
            var maxNodes = request.MaxNodes;
            var kinds = index._edgeKind;
            for (var i = 0; i + 1 < pairs.Length; i += 2)
            {
                var neighbour = pairs[i];
                var edge = pairs[i + 1];
                if (edge >= edgeBound || (_followKind is not null && !_followKind[(int)kinds[edge]]))
                {
                    continue;
                }
                var word = neighbour >> 6;
                var bit = 1UL << (neighbour & 63);
                if (atMaxDepth)
                {
                    // Not expanded: the walk is cut only if this edge leads somewhere new.
                    if ((visited[word] & bit) == 0)
                    {
                        Truncation ??= TruncationReason.Depth;
                    }
                    continue;
                }
                if (includeEdges)
                {
                    Edges.Add(new TraversedEdge(kinds[edge], index._keys[index._edgeFrom[edge]], index._keys[index._edgeTo[edge]]));
                }
                if ((visited[word] & bit) != 0)
                {
                    continue;
                }
                if (count >= maxNodes)
                {
                    Truncation = TruncationReason.Nodes;
                    _stopped = true;
                    break;
                }
                visited[word] |= bit;
                if (count == queue.Length)
                {
                    Array.Resize(ref queue, queue.Length * 2);
                }
                queue[count++] = neighbour;
            }
            _queue = queue;
            _count = count;
        }

        // The queue says which nodes come next, so their adjacency can be fetched from memory before it is
        // needed: on a large graph each node's offsets and items are two cache misses, and overlapping them
        // is most of a closure's speed. Two stages, since the items' address needs the offsets: offsets
        // 2·D nodes ahead, items D nodes ahead (by then their offsets are in cache).
        private static unsafe void PrefetchAhead(int[] queue, int count, int head, int[] offsets, int[] items, int compactNodes)
        {
            if (!Sse.IsSupported)
            {
                return;
            }
            // A prefetch is only a hint that never faults, so an address gone stale by a GC move is harmless.
            var far = head + (2 * PrefetchDistance);
            if (far < count && queue[far] < compactNodes)
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref offsets[queue[far]]));
            }
            var near = head + PrefetchDistance;
            if (near < count && queue[near] < compactNodes)
            {
                var at = 2 * offsets[queue[near]];
                if (at < items.Length)
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref items[at]));
                }
            }
        }

        private void Mark(int node) => _visited[node >> 6] |= 1UL << (node & 63);

        private static bool[]? FollowMask(IReadOnlySet<EdgeKind>? kinds)
        {
            if (kinds is null)
            {
                return null;
            }
            var mask = new bool[Enum.GetValues<EdgeKind>().Length];
            foreach (var kind in kinds)
            {
                mask[(int)kind] = true;
            }
            return mask;
        }

        private static ulong[] Scratch(int nodeCount)
        {
            var words = (nodeCount + 63) >> 6;
            if (t_visited is null || t_visited.Length < words)
            {
                t_visited = new ulong[words + (words / 4) + 16];
            }
            Array.Clear(t_visited, 0, words);
            return t_visited;
        }
    }
}
