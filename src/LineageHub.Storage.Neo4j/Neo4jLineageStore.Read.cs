using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j;

// Reads: nodes, edges and pages, each one Query API request in its own read transaction.
public sealed partial class Neo4jLineageStore
{
    private const int MaxPage = 10_000;

    public async Task<NodeRecord?> FindNodeAsync(NodeKey key, CancellationToken cancellationToken = default)
    {
        var found = await FindNodesAsync([key], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(key);
    }

    public Task<IReadOnlyDictionary<NodeKey, NodeRecord>> FindNodesAsync(IReadOnlyCollection<NodeKey> keys, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<NodeKey, NodeRecord>(keys.Count);
        foreach (var chunk in keys.Distinct().Chunk(FactChunk))
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("facts_nodes"), new Dictionary<string, object?> { ["ids"] = chunk.Select(k => k.ToString()).ToArray() }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var record = ReadNode(rows, i);
                result[record.Key] = record;
            }
        }
        return (IReadOnlyDictionary<NodeKey, NodeRecord>)result;
    }, cancellationToken);

    public Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind? kind = null, LedgerPosition? asOf = null, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        if (await FindNodeAsync(node, cancellationToken).ConfigureAwait(false) is null)
        {
            throw LineageHubException.NotFound($"no node {node}");
        }
        var size = asOf is { } position ? await ResolveAsync(position, cancellationToken).ConfigureAwait(false) : long.MaxValue;
        var rows = await _client.RunAsync(CypherCatalog.Get(direction == EdgeDirection.Outgoing ? "read_edges_outgoing" : "read_edges_incoming"), new Dictionary<string, object?>
        {
            ["id"] = node.ToString(),
            ["kind"] = kind is { } k ? EdgeRules.Name(k) : null,
            ["size"] = size,
        }, cancellationToken).ConfigureAwait(false);
        var edges = new List<EdgeRecord>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var other = ReadKey(rows.String(i, "other"));
            var (from, to) = direction == EdgeDirection.Outgoing ? (node, other) : (other, node);
            edges.Add(new EdgeRecord(ReadEdgeKind(rows.String(i, "kind")), from, to, ReadProps(rows.String(i, "props")), rows.Int64(i, "seq")));
        }
        return (IReadOnlyList<EdgeRecord>)edges;
    }, cancellationToken);

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(NodeKind kind, string? keyPrefix, string? afterKey, int limit, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        if (limit < 1 || limit > MaxPage)
        {
            throw LineageHubException.InvalidInput($"a page holds 1 to {MaxPage} nodes, asked for {limit}");
        }
        var rows = await _client.RunAsync(CypherCatalog.Get("read_list_nodes"), new Dictionary<string, object?>
        {
            ["kind"] = NodeKinds.Name(kind),
            ["prefix"] = keyPrefix ?? "",
            ["after"] = afterKey ?? "",
            ["limit"] = limit,
        }, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<NodeRecord>)[.. Enumerable.Range(0, rows.Count).Select(i => ReadNode(rows, i))];
    }, cancellationToken);

    public async Task<long> ResolveAsync(LedgerPosition position, CancellationToken cancellationToken = default)
    {
        var head = await CurrentHeadAsync(cancellationToken).ConfigureAwait(false);
        if (position.Size is { } size)
        {
            return size <= head.Size
                ? size
                : throw LineageHubException.NotFound($"the ledger has {head.Size} entries; there is no size {size} yet");
        }
        return await Guard(async () =>
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("ledger_size_at_time"), new Dictionary<string, object?>
            {
                ["time"] = LedgerEntryCodec.FormatTime(position.Time!.Value),
                ["size"] = head.Size,
            }, cancellationToken).ConfigureAwait(false);
            return rows.Int64(0, "size");
        }, cancellationToken).ConfigureAwait(false);
    }
}
