using System.Globalization;
using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

// Reads: nodes and pages come from the database; edges of many nodes and traversal from the in-memory index.
public sealed partial class SqliteLineageStore
{
    private const int MaxPage = 10_000;

    public async Task<NodeRecord?> FindNodeAsync(NodeKey key, CancellationToken cancellationToken = default)
    {
        var found = await FindNodesAsync([key], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(key);
    }

    public async Task<IReadOnlyDictionary<NodeKey, NodeRecord>> FindNodesAsync(IReadOnlyCollection<NodeKey> keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<NodeKey, NodeRecord>(keys.Count);
        var ordinals = _index.OrdinalsOf(keys);
        List<int>? missed = null;
        var at = 0;
        foreach (var key in keys)
        {
            var id = ordinals[at++];
            if (id < 0)
            {
                continue;
            }
            if (_nodeCache.TryGet(id, out var cached))
            {
                result[key] = cached;
            }
            else
            {
                (missed ??= []).Add(id);
            }
        }
        if (missed is null)
        {
            return result;
        }
        using var session = _readers.Rent();
        foreach (var record in (await ReadNodeRowsAsync(session, missed, cancellationToken).ConfigureAwait(false)).Values)
        {
            result[record.Key] = record;
        }
        return result;
    }

    // The rows of node ids the node cache lacked, by id, put into the cache as they are read.
    private async Task<Dictionary<int, NodeRecord>> ReadNodeRowsAsync(ReaderSession session, List<int> ids, CancellationToken cancellationToken)
    {
        var read = new Dictionary<int, NodeRecord>(ids.Count);
        // One parameter for any number of ids: the id list travels as a JSON array.
        var command = session.Command("SELECT id, props, seq, kind, key FROM nodes WHERE id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", IdList(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt32(0);
            var record = ReadNode(reader);
            read[id] = record;
            _nodeCache.Put(id, record);
        }
        return read;
    }

    public async Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind? kind = null, LedgerPosition? asOf = null, CancellationToken cancellationToken = default)
    {
        if (!_index.TryGetOrdinal(node, out var id))
        {
            throw LineageHubException.NotFound($"no node {node}");
        }
        var size = asOf is { } position ? await ResolveAsync(position, cancellationToken).ConfigureAwait(false) : long.MaxValue;
        var (near, far) = direction == EdgeDirection.Outgoing ? ("src", "dst") : ("dst", "src");
        using var session = _readers.Rent();
        var command = session.Command($"""
            SELECT e.kind, e.props, e.seq, n.kind, n.key FROM edges e JOIN nodes n ON n.id = e.{far}
            WHERE e.{near} = $id AND ($kind IS NULL OR e.kind = $kind) AND e.seq < $size ORDER BY e.id
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kind", kind is { } k ? EdgeRules.Name(k) : DBNull.Value);
        command.Parameters.AddWithValue("$size", size);
        var edges = new List<EdgeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var other = ReadKey(reader, 3);
            var (from, to) = direction == EdgeDirection.Outgoing ? (node, other) : (other, node);
            edges.Add(new EdgeRecord(ReadEdgeKind(reader, 0), from, to, (byte[])reader.GetValue(1), reader.GetInt64(2)));
        }
        return edges;
    }

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(NodeKind kind, string? keyPrefix, string? afterKey, int limit, CancellationToken cancellationToken = default) =>
        PageNodesAsync(kind, new NodePageRequest(limit) { KeyPrefix = keyPrefix, AfterKey = afterKey }, cancellationToken);

    // The edges come from the index, which holds every committed edge, and their records mostly from the
    // edge cache; the table is read only for uncached edges whose properties are not {}, so a page of
    // runs' inputs is a memory read.
    public async Task<IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>> GetEdgesOfManyAsync(IReadOnlyCollection<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var indexed = _index.EdgesOf(nodes, direction, kind);
        var result = new Dictionary<NodeKey, IReadOnlyList<EdgeRecord>>(indexed.Count);
        List<IndexedEdge>? withProperties = null;
        foreach (var (node, edges) in indexed)
        {
            var records = new EdgeRecord[edges.Count];
            for (var i = 0; i < records.Length; i++)
            {
                var edge = edges[i];
                if (_edgeCache.TryGet(edge.Ordinal, out var cached))
                {
                    records[i] = cached;
                }
                else if (edge.HasProperties)
                {
                    (withProperties ??= []).Add(edge);
                }
                else
                {
                    _edgeCache.Put(edge.Ordinal, records[i] = new EdgeRecord(edge.Kind, KeyOf(edge.FromOrdinal), KeyOf(edge.ToOrdinal), NoProperties, edge.Seq));
                }
            }
            result[node] = records;
        }
        if (withProperties is not null)
        {
            await FillEdgesWithPropertiesAsync(indexed, result, withProperties, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    // The records left out above: their properties in one query, then each put in its place.
    private async Task FillEdgesWithPropertiesAsync(Dictionary<NodeKey, ArraySegment<IndexedEdge>> indexed, Dictionary<NodeKey, IReadOnlyList<EdgeRecord>> result, List<IndexedEdge> wanted, CancellationToken cancellationToken)
    {
        var properties = await ReadEdgePropertiesAsync(wanted, cancellationToken).ConfigureAwait(false);
        foreach (var (node, edges) in indexed)
        {
            var records = (EdgeRecord[])result[node];
            for (var i = 0; i < records.Length; i++)
            {
                var edge = edges[i];
                if (records[i] is null)
                {
                    var bytes = properties[(edge.FromOrdinal, edge.Kind, edge.ToOrdinal)];
                    _edgeCache.Put(edge.Ordinal, records[i] = new EdgeRecord(edge.Kind, KeyOf(edge.FromOrdinal), KeyOf(edge.ToOrdinal), bytes, edge.Seq));
                }
            }
        }
    }

    // An edge's ends are indexed nodes: the index added them before the edge.
    private NodeKey KeyOf(int ordinal) =>
        _index.TryGetKey(ordinal, out var key) ? key : throw LineageHubException.Corrupt($"the index has an edge to node {ordinal}, which it does not hold");

    // The stored properties of edges that have some, by (source, kind, target) ordinals: the unique key.
    private async Task<Dictionary<(int, EdgeKind, int), byte[]>> ReadEdgePropertiesAsync(List<IndexedEdge> edges, CancellationToken cancellationToken)
    {
        var triples = new System.Text.StringBuilder("[");
        var wanted = 0;
        foreach (var edge in edges.DistinctBy(e => e.Ordinal))
        {
            triples.Append(wanted++ == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"[{edge.FromOrdinal},\"{EdgeRules.Name(edge.Kind)}\",{edge.ToOrdinal}]");
        }
        var found = new Dictionary<(int, EdgeKind, int), byte[]>(wanted);
        using var session = _readers.Rent();
        var command = session.Command("""
            SELECT e.src, e.kind, e.dst, e.props FROM json_each($edges) j
            JOIN edges e ON e.src = json_extract(j.value, '$[0]') AND e.kind = json_extract(j.value, '$[1]') AND e.dst = json_extract(j.value, '$[2]')
            """);
        command.Parameters.AddWithValue("$edges", triples.Append(']').ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[(reader.GetInt32(0), ReadEdgeKind(reader, 1), reader.GetInt32(2))] = (byte[])reader.GetValue(3);
        }
        return found.Count == wanted
            ? found
            : throw LineageHubException.Corrupt($"the index holds {wanted} edges with properties that the edges table lacks {wanted - found.Count} of");
    }

    public async Task<IReadOnlyList<NodeRecord>> PageNodesAsync(NodeKind kind, NodePageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 1 || request.Limit > MaxPage)
        {
            throw LineageHubException.InvalidInput($"a page holds 1 to {MaxPage} nodes, asked for {request.Limit}");
        }
        // The index keeps each kind's keys in order (as the (kind, key) index would give them): the page is
        // a walk in memory, and its records mostly come from the node cache.
        return await NodesByIdAsync(_index.PageOrdinals(kind, request), cancellationToken).ConfigureAwait(false);
    }

    // The records of node ids, in order: from the node cache where it has them, the rest in one query.
    private async Task<NodeRecord[]> NodesByIdAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var nodes = new NodeRecord[ids.Count];
        List<int>? missed = null;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (_nodeCache.TryGet(ids[i], out var cached))
            {
                nodes[i] = cached;
            }
            else
            {
                (missed ??= []).Add(ids[i]);
            }
        }
        if (missed is null)
        {
            return nodes;
        }
        using var session = _readers.Rent();
        var read = await ReadNodeRowsAsync(session, missed, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < nodes.Length; i++)
        {
            // A node of the page cannot vanish (the store only inserts), so every missed id was read.
            nodes[i] ??= read.TryGetValue(ids[i], out var record) ? record : throw LineageHubException.Corrupt($"node {ids[i]} was listed but could not be read");
        }
        return nodes;
    }

    public async Task<TraversalResult> TraverseAsync(TraversalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committed = CurrentHead().Size;
        var size = request.AsOf is { } position ? await ResolveAsync(position, cancellationToken).ConfigureAwait(false) : committed;
        // The index holds only committed facts, so "now" needs no filter; a past size filters by creating entry.
        var result = _index.Traverse(request, size == committed ? long.MaxValue : size, cancellationToken);
        return result with { AsOfSize = size };
    }

    public async Task<long> ResolveAsync(LedgerPosition position, CancellationToken cancellationToken = default)
    {
        var head = CurrentHead();
        if (position.Size is { } size)
        {
            return size <= head.Size
                ? size
                : throw LineageHubException.NotFound($"the ledger has {head.Size} entries; there is no size {size} yet");
        }
        using var session = _readers.Rent();
        var command = session.Command("SELECT coalesce(max(seq) + 1, 0) FROM ledger_entries WHERE time <= $time AND seq < $size");
        command.Parameters.AddWithValue("$time", Core.Ledger.LedgerEntryCodec.FormatTime(position.Time!.Value));
        command.Parameters.AddWithValue("$size", head.Size);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // Rows of (id, props, seq, kind, key): the key comes from the index by row id, so its text is read
    // and decoded only for a node committed but not yet indexed.
    private NodeRecord ReadNode(SqliteDataReader reader)
    {
        var key = _index.TryGetKey(reader.GetInt64(0), out var indexed) ? indexed : ReadKey(reader, 3);
        return new NodeRecord(key, (byte[])reader.GetValue(1), reader.GetInt64(2));
    }

    private static string IdList(IEnumerable<int> ids)
    {
        var text = new System.Text.StringBuilder("[");
        foreach (var id in ids)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{id}");
        }
        return text.Append(']').ToString();
    }
}
