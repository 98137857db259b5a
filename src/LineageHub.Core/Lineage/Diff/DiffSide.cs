using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// One side's upstream walk, indexed for the diff: each node's distance, the walked edges by role (a run's
/// job, inputs, outputs, code), and each node's downstream neighbours within the walk for the root-cause pass.
/// </summary>
internal sealed class DiffSide
{
    private readonly Dictionary<NodeKey, int> _depth;
    private readonly Dictionary<NodeKey, List<NodeKey>> _downstream = [];
    private readonly Dictionary<NodeKey, NodeKey> _jobOf = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _reads = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _writes = [];
    private readonly Dictionary<NodeKey, List<NodeKey>> _code = [];

    public DiffSide(string name, TraversalResult lineage)
    {
        Name = name;
        Lineage = lineage;
        _depth = new Dictionary<NodeKey, int>(lineage.Nodes.Count);
        foreach (var node in lineage.Nodes)
        {
            _depth[node.Key] = node.Depth;
        }
        foreach (var edge in lineage.Edges)
        {
            var (down, up) = EdgeRules.TargetIsUpstream(edge.Kind) ? (edge.From, edge.To) : (edge.To, edge.From);
            Add(_downstream, up, down);
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

    public IEnumerable<NodeKey> Keys => _depth.Keys;

    public bool Contains(NodeKey key) => _depth.ContainsKey(key);

    public int DepthOf(NodeKey key) => _depth.TryGetValue(key, out var depth) ? depth : int.MaxValue;

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
        var reached = new HashSet<NodeKey>();
        var queue = new Queue<NodeKey>();
        foreach (var seed in seeds.Distinct())
        {
            foreach (var next in _downstream.GetValueOrDefault(seed) ?? [])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in _downstream.GetValueOrDefault(node) ?? [])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return reached;
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
