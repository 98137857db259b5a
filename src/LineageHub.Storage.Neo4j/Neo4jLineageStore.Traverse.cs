using System.Diagnostics;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

// Traversal: breadth-first, one bounded Cypher step per level, with the same budgets and truncation
// rules as the in-memory index (Core's LineageIndex): no query walks more than one edge, so no budget
// can be overrun by a query that has already started.
public sealed partial class Neo4jLineageStore
{
    private const int FrontierChunk = 2_000;

    public async Task<TraversalResult> TraverseAsync(TraversalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var committed = (await CurrentHeadAsync(cancellationToken).ConfigureAwait(false)).Size;
        var size = request.AsOf is { } position ? await ResolveAsync(position, cancellationToken).ConfigureAwait(false) : committed;
        var start = await FindNodeAsync(request.Start, cancellationToken).ConfigureAwait(false);
        if (start is null || start.Seq >= size)
        {
            throw LineageHubException.NotFound(request.AsOf is null
                ? $"no node {request.Start}"
                : $"no node {request.Start} in the graph as of ledger size {size}");
        }
        return await Guard(async () =>
        {
            var clock = Stopwatch.StartNew();
            if (request.Direction != LineageDirection.Both)
            {
                var walk = await WalkAsync(request, request.Direction, size, clock, cancellationToken).ConfigureAwait(false);
                return new TraversalResult(request.Start, walk.Nodes, walk.Edges, walk.Truncation, size);
            }
            var up = await WalkAsync(request, LineageDirection.Upstream, size, clock, cancellationToken).ConfigureAwait(false);
            var down = await WalkAsync(request, LineageDirection.Downstream, size, clock, cancellationToken).ConfigureAwait(false);
            var seen = up.Nodes.Select(n => n.Key).ToHashSet();
            var union = up.Nodes.Concat(down.Nodes.Where(n => seen.Add(n.Key))).ToList();
            return new TraversalResult(request.Start, union, [.. up.Edges, .. down.Edges], up.Truncation ?? down.Truncation, size);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(List<TraversedNode> Nodes, List<TraversedEdge> Edges, TruncationReason? Truncation)> WalkAsync(
        TraversalRequest request, LineageDirection direction, long size, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Upstream follows an edge from source to target unless the target is downstream of its source
        // (WROTE, PRODUCED), which it follows from target to source; downstream is the mirror image.
        var kinds = Enum.GetValues<EdgeKind>().Where(k => request.EdgeKinds is null || request.EdgeKinds.Contains(k)).ToList();
        var targetUp = kinds.Where(EdgeRules.TargetIsUpstream).Select(EdgeRules.Name).ToArray();
        var targetDown = kinds.Where(k => !EdgeRules.TargetIsUpstream(k)).Select(EdgeRules.Name).ToArray();
        var (forward, backward) = direction == LineageDirection.Upstream ? (targetUp, targetDown) : (targetDown, targetUp);

        var nodes = new List<TraversedNode> { new(request.Start, 0) };
        var edges = new List<TraversedEdge>();
        var visited = new HashSet<NodeKey> { request.Start };
        var frontier = new List<NodeKey> { request.Start };
        for (var depth = 0; frontier.Count > 0; depth++)
        {
            var next = new List<NodeKey>();
            foreach (var chunk in frontier.Chunk(FrontierChunk))
            {
                var remaining = request.Timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    return (nodes, edges, TruncationReason.Time);
                }
                QueryResult rows;
                using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    budget.CancelAfter(remaining);
                    try
                    {
                        rows = await _client.RunAsync(CypherCatalog.Get("traverse_step"), new Dictionary<string, object?>
                        {
                            ["frontier"] = chunk.Select(k => k.ToString()).ToArray(),
                            ["forward"] = forward,
                            ["backward"] = backward,
                            ["size"] = size,
                        }, budget.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return (nodes, edges, TruncationReason.Time);
                    }
                }
                for (var i = 0; i < rows.Count; i++)
                {
                    var neighbour = ReadKey(rows.String(i, "neighbour"));
                    if (depth == request.MaxDepth)
                    {
                        // Not expanded: the walk is cut only if this edge leads somewhere new.
                        if (!visited.Contains(neighbour))
                        {
                            return (nodes, edges, TruncationReason.Depth);
                        }
                        continue;
                    }
                    if (request.IncludeEdges)
                    {
                        edges.Add(new TraversedEdge(ReadEdgeKind(rows.String(i, "kind")), ReadKey(rows.String(i, "source")), ReadKey(rows.String(i, "target"))));
                    }
                    if (visited.Contains(neighbour))
                    {
                        continue;
                    }
                    if (nodes.Count >= request.MaxNodes)
                    {
                        return (nodes, edges, TruncationReason.Nodes);
                    }
                    visited.Add(neighbour);
                    nodes.Add(new TraversedNode(neighbour, depth + 1));
                    next.Add(neighbour);
                }
            }
            frontier = next;
        }
        return (nodes, edges, null);
    }
}
