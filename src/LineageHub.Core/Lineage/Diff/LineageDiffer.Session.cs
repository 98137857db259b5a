using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    /// <summary>A change found, and where it sits on each side (the nodes the root-cause pass starts from).</summary>
    private sealed record Found(LineageChange Change, IReadOnlyList<NodeKey> AtFrom, IReadOnlyList<NodeKey> AtTo);

    /// <summary>One diff's working state.</summary>
    private sealed class Session(LineageDiffRequest request, DiffSide from, DiffSide to)
    {
        public LineageDiffRequest Request { get; } = request;

        public DiffSide From { get; } = from;

        public DiffSide To { get; } = to;

        public List<(NodeKey From, NodeKey To)> RunPairs { get; } = [];

        public List<(NodeKey From, NodeKey To)> VersionPairs { get; } = [];

        public List<Found> Found { get; } = [];

        public List<string> Warnings { get; } = [];

        public Dictionary<NodeKey, Lineage.TraversalResult> Histories { get; } = [];

        public IReadOnlyDictionary<NodeKey, NodeRecord> Records { get; set; } = new Dictionary<NodeKey, NodeRecord>();

        public T Record<T>(NodeKey key)
            where T : INode =>
            Records.TryGetValue(key, out var record) ? record.As<T>() : throw LineageHubException.NotFound(DiffMessages.NoSuchNode(key));

        /// <summary>Every record the comparison reads: the paired runs and versions, and the compared nodes themselves.</summary>
        public List<NodeKey> RecordsNeeded()
        {
            var keys = new HashSet<NodeKey> { Request.From, Request.To };
            foreach (var (a, b) in RunPairs.Concat(VersionPairs))
            {
                keys.Add(a);
                keys.Add(b);
            }
            return [.. keys];
        }

        public void Add(LineageChange change, IReadOnlyList<NodeKey> atFrom, IReadOnlyList<NodeKey> atTo) =>
            Found.Add(new Found(change, atFrom, atTo));

        /// <summary>How far upstream a change is: its nearest place on the newer side, else on the older.</summary>
        public int DistanceOf(IReadOnlyList<NodeKey> atFrom, IReadOnlyList<NodeKey> atTo)
        {
            var nearest = atTo.Select(To.DepthOf).DefaultIfEmpty(int.MaxValue).Min();
            return nearest != int.MaxValue ? nearest : atFrom.Select(From.DepthOf).DefaultIfEmpty(0).Min();
        }
    }
}
