using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

// Reads: nodes, edges and pages come from the database; traversal from the in-memory index.
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
        var ids = new List<int>(keys.Count);
        foreach (var key in keys)
        {
            if (_index.TryGetOrdinal(key, out var id))
            {
                ids.Add(id);
            }
        }
        var result = new Dictionary<NodeKey, NodeRecord>(ids.Count);
        if (ids.Count == 0)
        {
            return result;
        }
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        // One parameter for any number of ids: the id list travels as a JSON array.
        command.CommandText = "SELECT id, props, seq, kind, key FROM nodes WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", IdList(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = ReadNode(reader);
            result[record.Key] = record;
        }
        return result;
    }

    public async Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(NodeKey node, EdgeDirection direction, EdgeKind? kind = null, LedgerPosition? asOf = null, CancellationToken cancellationToken = default)
    {
        if (!_index.TryGetOrdinal(node, out var id))
        {
            throw LineageHubException.NotFound($"no node {node}");
        }
        var size = asOf is { } position ? await ResolveAsync(position, cancellationToken).ConfigureAwait(false) : long.MaxValue;
        var (near, far) = direction == EdgeDirection.Outgoing ? ("src", "dst") : ("dst", "src");
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.kind, e.props, e.seq, n.kind, n.key FROM edges e JOIN nodes n ON n.id = e.{far}
            WHERE e.{near} = $id AND ($kind IS NULL OR e.kind = $kind) AND e.seq < $size ORDER BY e.id
            """;
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

    public async Task<IReadOnlyDictionary<NodeKey, IReadOnlyList<EdgeRecord>>> GetEdgesOfManyAsync(IReadOnlyCollection<NodeKey> nodes, EdgeDirection direction, EdgeKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var byId = new Dictionary<int, (NodeKey Key, List<EdgeRecord> Edges)>(nodes.Count);
        foreach (var node in nodes)
        {
            if (_index.TryGetOrdinal(node, out var id))
            {
                byId.TryAdd(id, (node, []));
            }
        }
        if (byId.Count > 0)
        {
            var (near, far) = direction == EdgeDirection.Outgoing ? ("src", "dst") : ("dst", "src");
            // Far ends not yet in the index (their commit is being added to it): their keys are read after the rows.
            List<(List<EdgeRecord> Edges, int At, int Far)>? unindexed = null;
            await using var connection = OpenReader();
            await using (var command = connection.CreateCommand())
            {
                // No join for the far end's key: the index has every committed node's key by row id. A kind is
                // matched in the statement itself ("$kind IS NULL OR ..." kept the planner off the kind column
                // of the (src, kind, dst) index).
                command.CommandText = $"""
                    SELECT e.{near}, e.{far}, e.props, e.seq, e.kind FROM edges e
                    WHERE e.{near} IN (SELECT value FROM json_each($ids)){(kind is null ? "" : " AND e.kind = $kind")} ORDER BY e.id
                    """;
                command.Parameters.AddWithValue("$ids", IdList(byId.Keys));
                if (kind is { } k)
                {
                    command.Parameters.AddWithValue("$kind", EdgeRules.Name(k));
                }
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var (node, edges) = byId[reader.GetInt32(0)];
                    var farId = reader.GetInt32(1);
                    var known = _index.TryGetKey(farId, out var other);
                    var (from, to) = direction == EdgeDirection.Outgoing ? (node, other) : (other, node);
                    // The kind filter already names the kind; reading it back would decode a string per row.
                    edges.Add(new EdgeRecord(kind ?? ReadEdgeKind(reader, 4), from, to, (byte[])reader.GetValue(2), reader.GetInt64(3)));
                    if (!known)
                    {
                        (unindexed ??= []).Add((edges, edges.Count - 1, farId));
                    }
                }
            }
            if (unindexed is not null)
            {
                await FillFarKeysAsync(connection, unindexed, direction, cancellationToken).ConfigureAwait(false);
            }
        }
        return byId.Values.ToDictionary(v => v.Key, v => (IReadOnlyList<EdgeRecord>)v.Edges);
    }

    public async Task<IReadOnlyList<NodeRecord>> PageNodesAsync(NodeKind kind, NodePageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 1 || request.Limit > MaxPage)
        {
            throw LineageHubException.InvalidInput($"a page holds 1 to {MaxPage} nodes, asked for {request.Limit}");
        }
        var prefix = request.KeyPrefix ?? "";
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        // A key range rather than LIKE, so the (kind, key) index serves the prefix and the cursors. The name
        // is matched in its stored (escaped) form, so the text is escaped as a key part is.
        command.CommandText = $"""
            SELECT id, props, seq, kind, key FROM nodes
            WHERE kind = $kind AND key > $after AND key < $before AND key >= $prefix AND key < $prefixEnd
              AND ($text IS NULL OR instr(lower(CASE WHEN instr(key, '|') > 0 THEN substr(key, instr(key, '|') + 1) ELSE key END), lower($text)) > 0)
            ORDER BY key {(request.Backward ? "DESC" : "ASC")} LIMIT $limit
            """;
        command.Parameters.AddWithValue("$kind", NodeKinds.Name(kind));
        command.Parameters.AddWithValue("$after", request.AfterKey ?? "");
        command.Parameters.AddWithValue("$before", request.BeforeKey ?? prefix + char.MaxValue);
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$prefixEnd", prefix + char.MaxValue);
        command.Parameters.AddWithValue("$text", request.NameContains is { } text ? text.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", request.Limit);
        var nodes = new List<NodeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            nodes.Add(ReadNode(reader));
        }
        if (request.Backward)
        {
            nodes.Reverse();
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
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq) + 1, 0) FROM ledger_entries WHERE time <= $time AND seq < $size";
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

    private static async Task FillFarKeysAsync(SqliteConnection connection, List<(List<EdgeRecord> Edges, int At, int Far)> unindexed, EdgeDirection direction, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<long, NodeKey>(unindexed.Count);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, kind, key FROM nodes WHERE id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", IdList(unindexed.Select(u => u.Far)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys[reader.GetInt64(0)] = ReadKey(reader, 1);
            }
        }
        foreach (var (edges, at, far) in unindexed)
        {
            var key = keys.TryGetValue(far, out var found) ? found : throw LineageHubException.Corrupt($"an edge names node id {far}, which is not stored");
            edges[at] = direction == EdgeDirection.Outgoing ? edges[at] with { To = key } : edges[at] with { From = key };
        }
    }

    // A JSON array of row ids, the one parameter json_each reads.
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
