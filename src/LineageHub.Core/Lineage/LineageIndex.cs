using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// The whole graph's adjacency in memory, so traversal runs at memory speed. Nodes have dense ordinals
/// in ledger order; each node keeps its upstream and downstream neighbours as interleaved
/// (neighbour, edge) pairs. Stores rebuild it at start and add to it after every commit.
/// Reads run concurrently; additions take a short exclusive lock.
/// </summary>
public sealed partial class LineageIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<NodeKey, int> _ordinals = [];

    private NodeKey[] _keys = new NodeKey[1024];
    private long[] _nodeSeq = new long[1024];
    private Neighbours[] _up = new Neighbours[1024];
    private Neighbours[] _down = new Neighbours[1024];
    private int _nodeCount;

    private int[] _edgeFrom = new int[1024];
    private int[] _edgeTo = new int[1024];
    private EdgeKind[] _edgeKind = new EdgeKind[1024];
    private long[] _edgeSeq = new long[1024];
    private int _edgeCount;

    public int NodeCount => _nodeCount;

    public int EdgeCount => _edgeCount;

    /// <summary>Adds a node created by ledger entry <paramref name="seq"/>; its ordinal is the next one.</summary>
    public int AddNode(NodeKey key, long seq)
    {
        _lock.EnterWriteLock();
        try
        {
            return AddNodeUnlocked(key, seq);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds an edge created by ledger entry <paramref name="seq"/> between two known ordinals.</summary>
    public void AddEdge(EdgeKind kind, int from, int to, long seq)
    {
        _lock.EnterWriteLock();
        try
        {
            AddEdgeUnlocked(kind, from, to, seq);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds a committed batch under one lock: nodes first (their ordinals follow on), then edges by key.</summary>
    public void AddCommitted(IReadOnlyList<(NodeKey Key, long Seq)> nodes, IReadOnlyList<(EdgeKind Kind, NodeKey From, NodeKey To, long Seq)> edges)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (key, seq) in nodes)
            {
                AddNodeUnlocked(key, seq);
            }
            foreach (var (kind, from, to, seq) in edges)
            {
                AddEdgeUnlocked(kind, _ordinals[from], _ordinals[to], seq);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool TryGetOrdinal(NodeKey key, out int ordinal)
    {
        _lock.EnterReadLock();
        try
        {
            return _ordinals.TryGetValue(key, out ordinal);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public bool Contains(NodeKey key) => TryGetOrdinal(key, out _);

    public NodeKey KeyOf(int ordinal)
    {
        _lock.EnterReadLock();
        try
        {
            Guard.That((uint)ordinal < (uint)_nodeCount, "ordinal in range");
            return _keys[ordinal];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Whether the edge (kind, from, to) exists.</summary>
    public bool HasEdge(EdgeKind kind, NodeKey from, NodeKey to)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_ordinals.TryGetValue(from, out var f) || !_ordinals.TryGetValue(to, out var t))
            {
                return false;
            }
            // An edge sits in its source's up list when its target is upstream, else in its down list.
            var list = EdgeRules.TargetIsUpstream(kind) ? _up[f] : _down[f];
            for (var i = 0; i < list.Count; i++)
            {
                var edge = list.Items[(2 * i) + 1];
                if (list.Items[2 * i] == t && _edgeKind[edge] == kind)
                {
                    return true;
                }
            }
            return false;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The targets of the edges of <paramref name="kind"/> leaving <paramref name="from"/>.</summary>
    public IReadOnlyList<NodeKey> Targets(NodeKey from, EdgeKind kind)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_ordinals.TryGetValue(from, out var f))
            {
                return [];
            }
            var list = EdgeRules.TargetIsUpstream(kind) ? _up[f] : _down[f];
            var targets = new List<NodeKey>();
            for (var i = 0; i < list.Count; i++)
            {
                var edge = list.Items[(2 * i) + 1];
                if (_edgeKind[edge] == kind && _edgeFrom[edge] == f)
                {
                    targets.Add(_keys[_edgeTo[edge]]);
                }
            }
            return targets;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private int AddNodeUnlocked(NodeKey key, long seq)
    {
        if (!_ordinals.TryAdd(key, _nodeCount))
        {
            throw LineageHubException.Conflict($"node {key} is already in the index");
        }
        if (_nodeCount == _keys.Length)
        {
            var size = _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _nodeSeq, size);
            Array.Resize(ref _up, size);
            Array.Resize(ref _down, size);
        }
        _keys[_nodeCount] = key;
        _nodeSeq[_nodeCount] = seq;
        return _nodeCount++;
    }

    private void AddEdgeUnlocked(EdgeKind kind, int from, int to, long seq)
    {
        Guard.That((uint)from < (uint)_nodeCount && (uint)to < (uint)_nodeCount, "edge endpoints are indexed nodes");
        if (_edgeCount == _edgeFrom.Length)
        {
            var size = _edgeFrom.Length * 2;
            Array.Resize(ref _edgeFrom, size);
            Array.Resize(ref _edgeTo, size);
            Array.Resize(ref _edgeKind, size);
            Array.Resize(ref _edgeSeq, size);
        }
        var edge = _edgeCount++;
        _edgeFrom[edge] = from;
        _edgeTo[edge] = to;
        _edgeKind[edge] = kind;
        _edgeSeq[edge] = seq;
        var (downstream, upstream) = EdgeRules.TargetIsUpstream(kind) ? (from, to) : (to, from);
        _up[downstream].Add(upstream, edge);
        _down[upstream].Add(downstream, edge);
    }

    /// <summary>One node's neighbours in one direction: (neighbour ordinal, edge index) pairs, grown by doubling.</summary>
    private struct Neighbours
    {
        public int[] Items;
        public int Count;

        public void Add(int neighbour, int edge)
        {
            Items ??= new int[4];
            if ((2 * Count) + 2 > Items.Length)
            {
                Array.Resize(ref Items, Items.Length * 2);
            }
            Items[2 * Count] = neighbour;
            Items[(2 * Count) + 1] = edge;
            Count++;
        }
    }
}
