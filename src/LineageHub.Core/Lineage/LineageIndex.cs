using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// The whole graph's adjacency in memory, so traversal runs at memory speed. Nodes have dense ordinals
/// in ledger order, and so do edges, which makes "as of ledger size S" a bound on ordinals rather than
/// a check per edge. Each direction's neighbours live in compressed-sparse-row form — one offsets array
/// and one array of interleaved (neighbour, edge) pairs — so a walk reads memory in long runs; edges added
/// since the last compaction sit in small per-node overflow lists until the next one.
/// Reads run concurrently; additions take a short exclusive lock.
/// </summary>
public sealed partial class LineageIndex : IDisposable
{
    private const int MinCompaction = 65_536;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<NodeKey, int> _ordinals = [];

    private NodeKey[] _keys = new NodeKey[1024];
    private long[] _nodeSeq = new long[1024];
    private int _nodeCount;

    private int[] _edgeFrom = new int[1024];
    private int[] _edgeTo = new int[1024];
    private EdgeKind[] _edgeKind = new EdgeKind[1024];
    private long[] _edgeSeq = new long[1024];
    // Most edges carry no properties ({}); those that do are read from the store when asked for.
    private bool[] _edgeHasProperties = new bool[1024];
    private int _edgeCount;

    private Adjacency _up = new();
    private Adjacency _down = new();

    public int NodeCount => Volatile.Read(ref _nodeCount);

    public int EdgeCount => _edgeCount;

    /// <summary>Adds a node created by ledger entry <paramref name="seq"/>; its ordinal is the next one.</summary>
    public int AddNode(NodeKey key, long seq)
    {
        _lock.EnterWriteLock();
        try
        {
            var ordinal = AddNodeUnlocked(key, seq);
            PublishKeyOrders();
            return ordinal;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds an edge created by ledger entry <paramref name="seq"/> between two known ordinals.</summary>
    public void AddEdge(EdgeKind kind, int from, int to, long seq, bool hasProperties)
    {
        _lock.EnterWriteLock();
        try
        {
            AddEdgeUnlocked(kind, from, to, seq, hasProperties);
            CompactIfWorthIt();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds a committed batch under one lock: nodes first (their ordinals follow on), then edges by key.</summary>
    public void AddCommitted(IReadOnlyList<(NodeKey Key, long Seq)> nodes, IReadOnlyList<(EdgeKind Kind, NodeKey From, NodeKey To, long Seq, bool HasProperties)> edges)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (key, seq) in nodes)
            {
                AddNodeUnlocked(key, seq);
            }
            foreach (var (kind, from, to, seq, hasProperties) in edges)
            {
                AddEdgeUnlocked(kind, _ordinals[from], _ordinals[to], seq, hasProperties);
            }
            PublishKeyOrders();
            CompactIfWorthIt();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Folds every overflow list into the compact arrays (stores call it after loading).</summary>
    public void Compact()
    {
        _lock.EnterWriteLock();
        try
        {
            _up.Compact(_nodeCount);
            _down.Compact(_nodeCount);
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

    /// <summary>
    /// The ordinal of each of <paramref name="keys"/>, in order, -1 for a key not indexed: one read lock for
    /// a page of keys, where a lock per key contended when many requests read at once.
    /// </summary>
    public int[] OrdinalsOf(IReadOnlyCollection<NodeKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ordinals = new int[keys.Count];
        var i = 0;
        _lock.EnterReadLock();
        try
        {
            foreach (var key in keys)
            {
                ordinals[i++] = _ordinals.TryGetValue(key, out var ordinal) ? ordinal : -1;
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        return ordinals;
    }

    /// <summary>
    /// The key of the node with <paramref name="ordinal"/>, when it is indexed (stores use it to read node keys
    /// by row id without reading and decoding the key text of every row).
    /// </summary>
    /// <remarks>
    /// No lock: stores call this once per row read, and 16 requests at once contended for the read lock. The
    /// key array only grows (a resize copies, then publishes the copy), and a node's key is written before
    /// the count that makes it visible, so a count read first bounds what the array read after it holds.
    /// </remarks>
    public bool TryGetKey(long ordinal, out NodeKey key)
    {
        var count = Volatile.Read(ref _nodeCount);
        var keys = Volatile.Read(ref _keys);
        if ((ulong)ordinal < (ulong)count)
        {
            key = keys[ordinal];
            return true;
        }
        key = default;
        return false;
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
            foreach (var (_, edge) in Outgoing(f, kind))
            {
                if (_edgeTo[edge] == t)
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
            return [.. Outgoing(f, kind).Select(p => _keys[_edgeTo[p.Edge]])];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    // An edge sits in its source's up list when its target is upstream, else in its down list.
    private IEnumerable<(int Neighbour, int Edge)> Outgoing(int from, EdgeKind kind)
    {
        var adjacency = EdgeRules.TargetIsUpstream(kind) ? _up : _down;
        var found = new List<(int, int)>();
        adjacency.ForEach(from, (neighbour, edge) =>
        {
            if (_edgeKind[edge] == kind && _edgeFrom[edge] == from)
            {
                found.Add((neighbour, edge));
            }
        });
        return found;
    }

    private int AddNodeUnlocked(NodeKey key, long seq)
    {
        if (!_ordinals.TryAdd(key, _nodeCount))
        {
            throw LineageHubException.Conflict($"node {key} is already in the index");
        }
        if (_nodeCount == _keys.Length)
        {
            var keys = new NodeKey[_keys.Length * 2];
            Array.Copy(_keys, keys, _nodeCount);
            Volatile.Write(ref _keys, keys);
            Array.Resize(ref _nodeSeq, _nodeSeq.Length * 2);
        }
        _keys[_nodeCount] = key;
        _nodeSeq[_nodeCount] = seq;
        _orders[(int)key.Kind].Add(_nodeCount);
        // Published after the key: TryGetKey reads the count without the lock.
        Volatile.Write(ref _nodeCount, _nodeCount + 1);
        return _nodeCount - 1;
    }

    private void AddEdgeUnlocked(EdgeKind kind, int from, int to, long seq, bool hasProperties)
    {
        Guard.That((uint)from < (uint)_nodeCount && (uint)to < (uint)_nodeCount, "edge endpoints are indexed nodes");
        if (_edgeCount == _edgeFrom.Length)
        {
            var size = _edgeFrom.Length * 2;
            Array.Resize(ref _edgeFrom, size);
            Array.Resize(ref _edgeTo, size);
            Array.Resize(ref _edgeKind, size);
            Array.Resize(ref _edgeSeq, size);
            Array.Resize(ref _edgeHasProperties, size);
        }
        var edge = _edgeCount++;
        _edgeFrom[edge] = from;
        _edgeTo[edge] = to;
        _edgeKind[edge] = kind;
        _edgeSeq[edge] = seq;
        _edgeHasProperties[edge] = hasProperties;
        var (downstream, upstream) = EdgeRules.TargetIsUpstream(kind) ? (from, to) : (to, from);
        _up.AddOverflow(downstream, upstream, edge);
        _down.AddOverflow(upstream, downstream, edge);
    }

    // Compaction copies every edge, so it waits until the overflow is a fair share of the whole:
    // the total copying stays a small multiple of the edges ever added.
    private void CompactIfWorthIt()
    {
        if (_up.OverflowCount > Math.Max(MinCompaction, _up.CompactCount / 4))
        {
            _up.Compact(_nodeCount);
            _down.Compact(_nodeCount);
        }
    }
}
