using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j;

public sealed partial class Neo4jLineageStore
{
    // Ids per round trip for the batch reads: large enough that a DataLoader's batch is one request,
    // small enough that no single request body grows without bound.
    private const int BatchChunk = 1000;

    public Task<IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>> GetEdgesOfManyAsync(IReadOnlyCollection<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind = null, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var found = await FindNodesAsync(nodes, cancellationToken).ConfigureAwait(false);
        var result = found.Keys.ToDictionary(k => k, _ => new List<EdgeRecord>());
        var statement = CypherCatalog.Get(direction == EdgeDirection.Outgoing ? "read_edges_of_many_outgoing" : "read_edges_of_many_incoming");
        foreach (var chunk in result.Keys.Select(k => k.ToString()).Chunk(BatchChunk))
        {
            var rows = await _client.RunAsync(statement, new Dictionary<string, object?>
            {
                ["ids"] = chunk,
                ["kind"] = kind is { } k ? EdgeRules.Name(k) : null,
            }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var node = ReadKey(rows.String(i, "id"));
                var other = ReadKey(rows.String(i, "other"));
                var (from, to) = direction == EdgeDirection.Outgoing ? (node, other) : (other, node);
                result[node].Add(new EdgeRecord(ReadEdgeKind(rows.String(i, "kind")), from, to, ReadProps(rows.String(i, "props")), rows.Int64(i, "seq")));
            }
        }
        return (IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>)result.ToDictionary(p => p.Key, p => (IReadOnlyList<EdgeRecord>)p.Value);
    }, cancellationToken);

    public Task<IReadOnlyList<NodeRecord>> PageNodesAsync(NodeKind kind, NodePageRequest request, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 1 || request.Limit > MaxPage)
        {
            throw LineageHubException.InvalidInput($"a page holds 1 to {MaxPage} nodes, asked for {request.Limit}");
        }
        var rows = await _client.RunAsync(CypherCatalog.Get("read_page_nodes"), new Dictionary<string, object?>
        {
            ["kind"] = NodeKinds.Name(kind),
            ["prefix"] = request.KeyPrefix ?? "",
            ["after"] = request.AfterKey ?? "",
            ["before"] = request.BeforeKey,
            // The name is matched in its stored form, where a key part's '%' and '|' are escaped.
            ["text"] = request.NameContains?.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal),
            ["backward"] = request.Backward,
            ["limit"] = request.Limit,
        }, cancellationToken).ConfigureAwait(false);
        var nodes = Enumerable.Range(0, rows.Count).Select(i => ReadNode(rows, i)).ToList();
        if (request.Backward)
        {
            nodes.Reverse();
        }
        return (IReadOnlyList<NodeRecord>)nodes;
    }, cancellationToken);
}
