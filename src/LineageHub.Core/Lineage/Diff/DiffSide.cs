using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// One side's upstream walk, indexed for the diff: each node's distance, the walked edges by role (a run's
/// job, inputs, outputs, code), and each node's downstream neighbours within the walk for the root-cause pass.
/// </summary>
internal sealed class DiffSide
{
    private readonly Dictionary<NodeKey, int> _ordinals;
    private readonly NodeKey[] _keys;
    private readonly int[] _depths;
    private readonly Dictionary<NodeKey, NodeKey> _jobOf = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _reads = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _writes = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _code = [];

    // Downstream neighbours by ordinal in compressed-sparse-row form, built when the root-cause pass first asks.
    private int[]? _downOffsets;
    private int[]? _downItems;

    public DiffSide(string name, TraversalResult lineage)
    {
        Name = name;
        Lineage = lineage;
        var count = lineage.Nodes.Count;
        _ordinals = new Dictionary<NodeKey, int>(count);
        _keys = new NodeKey[count];
        _depths = new int[count];
        var i = 0;
        foreach (var node in lineage.Nodes)
        {
            _ordinals[node.Key] = i;
            _keys[i] = node.Key;
            _depths[i++] = node.Depth;
        }
        // Only a run's own edges are read by role; they are few next to the DERIVED_FROM edges of a big closure.
        foreach (var edge in lineage.Edges)
        {
            if (edge.From.Kind != NodeKind.Run)
            {
                continue;
            }
            switch (edge.Kind)
            {
                case EdgeKind.RunOf:
                    _jobOf[edge.From] = edge.To;
                    break;
                case EdgeKind.Read:
                    Add(_reads, edge.From, edge.To);
                    break;
                case EdgeKind.Wrote:
                    Add(_writes, edge.From, edge.To);
                    break;
                case EdgeKind.UsedCode:
                    Add(_code, edge.From, edge.To);
                    break;
            }
        }
    }

    /// <summary>"from" or "to", as messages name the side.</summary>
    public string Name { get; }

    public TraversalResult Lineage { get; }

    public IReadOnlyList<NodeKey> Keys => _keys;

    public bool Contains(NodeKey key) => _ordinals.ContainsKey(key);

    public int DepthOf(NodeKey key) => _ordinals.TryGetValue(key, out var ordinal) ? _depths[ordinal] : int.MaxValue;

    public NodeKey? JobOf(NodeKey run) => _jobOf.TryGetValue(run, out var job) ? job : null;

    public IReadOnlyList<NodeKey> ReadsOf(NodeKey run) => _reads.GetValueOrDefault(run) ?? [];

    public IReadOnlyList<NodeKey> WritesOf(NodeKey run) => _writes.GetValueOrDefault(run) ?? [];

    public IReadOnlyList<NodeKey> CodeOf(NodeKey run) => _code.GetValueOrDefault(run) ?? [];

    public IEnumerable<NodeKey> RunsOf(NodeKey job) => _jobOf.Where(p => p.Value == job).Select(p => p.Key);

    /// <summary>
    /// The nodes strictly downstream of any of <paramref name="seeds"/> within this walk: a seed is in the set
    /// only when it is downstream of another seed. One breadth-first pass over the walked edges.
    /// </summary>
    public HashSet<NodeKey> DownstreamOf(IEnumerable<NodeKey> seeds)
    {
        var (offsets, items) = Downstream();
        var reached = new bool[_keys.Length];
        var queue = new Queue<int>();
        void Expand(int node)
        {
            for (var j = offsets[node]; j < offsets[node + 1]; j++)
            {
                if (!reached[items[j]])
                {
                    reached[items[j]] = true;
                    queue.Enqueue(items[j]);
                }
            }
        }
        foreach (var seed in seeds.Distinct())
        {
            if (_ordinals.TryGetValue(seed, out var ordinal))
            {
                Expand(ordinal);
            }
        }
        while (queue.TryDequeue(out var node))
        {
            Expand(node);
        }
        var result = new HashSet<NodeKey>();
        for (var n = 0; n < reached.Length; n++)
        {
            if (reached[n])
            {
                result.Add(_keys[n]);
            }
        }
        return result;
    }

    private (int[] Offsets, int[] Items) Downstream()
    {
        if (_downOffsets is null || _downItems is null)
        {
            var pairs = new List<(int Up, int Down)>(Lineage.Edges.Count);
            foreach (var edge in Lineage.Edges)
            {
                var (down, up) = EdgeRules.TargetIsUpstream(edge.Kind) ? (edge.From, edge.To) : (edge.To, edge.From);
                if (_ordinals.TryGetValue(up, out var u) && _ordinals.TryGetValue(down, out var d))
                {
                    pairs.Add((u, d));
                }
            }
            var offsets = new int[_keys.Length + 1];
            foreach (var (up, _) in pairs)
            {
                offsets[up + 1]++;
            }
            for (var n = 0; n < _keys.Length; n++)
            {
                offsets[n + 1] += offsets[n];
            }
            var items = new int[pairs.Count];
            var next = offsets[..^1];
            foreach (var (up, down) in pairs)
            {
                items[next[up]++] = down;
            }
            (_downOffsets, _downItems) = (offsets, items);
        }
        return (_downOffsets, _downItems);
    }

    private static void Add(Dictionary<NodeKey, List<NodeKey>> map, NodeKey key, NodeKey value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
