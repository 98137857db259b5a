using System.Text.Json.Nodes;

namespace LineageHub.Storage.Neo4j.Tests.Http;

// The fake's model of the ledger: enough of each statement's effect for whole appends and reads to run.
public sealed partial class FakeQueryApi
{
    private const string QueryPath = "/db/neo4j/query/v2";

    private readonly Dictionary<string, StoredNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredEdge> _edges = new(StringComparer.Ordinal);
    private readonly List<StoredEdge> _edgesInOrder = [];

    private sealed record StoredNode(string Id, string Kind, string Key, string Props, long Seq);

    private sealed record StoredEdge(string Id, string Kind, string From, string To, string Props, long Seq, long Ord);
    private readonly List<JsonObject> _heads = [];

    private (int Status, JsonObject Body, string? Affinity) Answer(RecordedRequest request)
    {
        lock (_lock)
        {
            if (request.Method == "POST" && request.Path == $"{QueryPath}/tx")
            {
                var id = $"t{++_nextTransaction}";
                _transactions[id] = [];
                return (202, new JsonObject { ["transaction"] = new JsonObject { ["id"] = id, ["expires"] = "2099-01-01T00:00:00Z" } }, $"affinity-{id}");
            }
            if (request.Path.StartsWith($"{QueryPath}/tx/", StringComparison.Ordinal))
            {
                var rest = request.Path[($"{QueryPath}/tx/".Length)..];
                var commit = rest.EndsWith("/commit", StringComparison.Ordinal);
                var id = commit ? rest[..^"/commit".Length] : rest;
                if (!_transactions.TryGetValue(id, out var staged))
                {
                    return (404, Error("Neo.ClientError.Request.Invalid", $"transaction {id} not found"), null);
                }
                if (request.Method == "DELETE")
                {
                    _transactions.Remove(id);
                    return (202, new JsonObject(), null);
                }
                if (commit)
                {
                    _transactions.Remove(id);
                    foreach (var write in staged)
                    {
                        write();
                    }
                    return (202, new JsonObject { ["bookmarks"] = new JsonArray("FB:fake") }, null);
                }
                return Reply(Run(request, staged));
            }
            if (request.Method == "POST" && request.Path == QueryPath)
            {
                return Reply(Run(request, null));
            }
            return (404, Error("Neo.ClientError.Request.Invalid", $"no endpoint {request.Method} {request.Path}"), null);
        }
    }

    private static (int, JsonObject, string?) Reply(JsonObject body) => (body.ContainsKey("errors") ? 400 : 202, body, null);

    private JsonObject Run(RecordedRequest request, List<Action>? staged)
    {
        var p = request.Body?["parameters"] as JsonObject ?? [];
        string S(string name) => p[name]!.GetValue<string>();
        long L(string name) => p[name]!.GetValue<long>();
        IEnumerable<string> Strings(string name) => p[name]!.AsArray().Select(x => x!.GetValue<string>());
        void Write(Action action)
        {
            if (staged is null)
            {
                action();
            }
            else
            {
                staged.Add(action);
            }
        }

        switch (request.StatementName)
        {
            case "migration_applied":
                return Data(["applied"], [[Migrations.Contains(S("name")) ? 1 : 0]]);
            case "migration_record":
                Migrations.Add(S("name"));
                return Data(["name"], [[S("name")]]);
            case { } name when name.Contains(".cypher#", StringComparison.Ordinal):
                return Data([], []);
            case "ledger_newest_head":
                return Data(["size", "root", "time", "signature", "keyId"], _heads.Count == 0 ? [] :
                    [[_heads[^1]["size"]!.GetValue<long>(), _heads[^1]["root"]!.GetValue<string>(), _heads[^1]["time"]!.GetValue<string>(), _heads[^1]["signature"]!.GetValue<string>(), _heads[^1]["keyId"]!.GetValue<string>()]]);
            case "ledger_lock_head":
                return Data(["size", "time"], [[(long)Entries.Count, Entries.Count == 0 ? "" : (string)Entries[^1]["time"]!]]);
            case "ledger_find_append":
                return Data(["seq", "entry", "nodesUnchanged", "edgesUnchanged"],
                    Entries.Where(e => (string)e["appendId"]! == S("appendId")).Select(e => new object?[] { e["seq"], e["entry"], e["nodesUnchanged"], e["edgesUnchanged"] }));
            case "facts_nodes":
                return Data(["id", "props", "seq"], Strings("ids").Where(_nodes.ContainsKey).Select(id => new object?[] { id, _nodes[id].Props, _nodes[id].Seq }));
            case "facts_edges":
                return Data(["id", "props"], Strings("ids").Where(_edges.ContainsKey).Select(id => new object?[] { id, _edges[id].Props }));
            case "facts_run_targets":
                var runs = Strings("runs").ToHashSet(StringComparer.Ordinal);
                return Data(["run", "kind", "target"], _edgesInOrder.Where(e => e.Kind is "READ" or "WROTE" && runs.Contains(e.From)).Select(e => new object?[] { e.From, e.Kind, e.To }));
            case "read_edges_outgoing" or "read_edges_incoming":
                var outgoing = request.StatementName == "read_edges_outgoing";
                var kindFilter = p["kind"]?.GetValue<string>();
                return Data(["kind", "props", "seq", "other"], _edgesInOrder
                    .Where(e => (outgoing ? e.From : e.To) == S("id") && (kindFilter is null || e.Kind == kindFilter) && e.Seq < L("size"))
                    .Select(e => new object?[] { e.Kind, e.Props, e.Seq, outgoing ? e.To : e.From }));
            case "read_edges_of_many_outgoing" or "read_edges_of_many_incoming":
                var many = request.StatementName == "read_edges_of_many_outgoing";
                var ofKind = p["kind"]?.GetValue<string>();
                var ids = Strings("ids").ToHashSet(StringComparer.Ordinal);
                return Data(["id", "kind", "props", "seq", "other"], _edgesInOrder
                    .Where(e => ids.Contains(many ? e.From : e.To) && (ofKind is null || e.Kind == ofKind))
                    .Select(e => new object?[] { many ? e.From : e.To, e.Kind, e.Props, e.Seq, many ? e.To : e.From }));
            case "read_page_nodes":
                var text = p["text"]?.GetValue<string>();
                var upper = p["before"]?.GetValue<string>();
                var page = _nodes.Values
                    .Where(n => n.Kind == S("kind") && n.Key.StartsWith(S("prefix"), StringComparison.Ordinal) && string.CompareOrdinal(n.Key, S("after")) > 0
                        && (upper is null || string.CompareOrdinal(n.Key, upper) < 0)
                        && (text is null || (n.Key.Contains('|', StringComparison.Ordinal) ? n.Key[(n.Key.IndexOf('|', StringComparison.Ordinal) + 1)..] : n.Key).Contains(text, StringComparison.OrdinalIgnoreCase)));
                var ordered = p["backward"]!.GetValue<bool>() ? page.OrderByDescending(n => n.Key, StringComparer.Ordinal) : page.OrderBy(n => n.Key, StringComparer.Ordinal);
                return Data(["id", "props", "seq"], ordered.Take((int)L("limit")).Select(n => new object?[] { n.Id, n.Props, n.Seq }));
            case "read_list_nodes":
                return Data(["id", "props", "seq"], _nodes.Values
                    .Where(n => n.Kind == S("kind") && n.Key.StartsWith(S("prefix"), StringComparison.Ordinal) && string.CompareOrdinal(n.Key, S("after")) > 0)
                    .OrderBy(n => n.Key, StringComparer.Ordinal).Take((int)L("limit"))
                    .Select(n => new object?[] { n.Id, n.Props, n.Seq }));
            case "traverse_step":
                var frontier = Strings("frontier").ToList();
                var forward = Strings("forward").ToHashSet(StringComparer.Ordinal);
                var backward = Strings("backward").ToHashSet(StringComparer.Ordinal);
                return Data(["position", "kind", "source", "target", "neighbour"], frontier.SelectMany((id, position) => _edgesInOrder
                    .Where(e => e.Seq < L("size") && ((e.From == id && forward.Contains(e.Kind)) || (e.To == id && backward.Contains(e.Kind))))
                    .Select(e => new object?[] { position, e.Kind, e.From, e.To, e.From == id ? e.To : e.From })));
            case "ledger_size_at_time":
                var before = Entries.Where(e => string.CompareOrdinal((string)e["time"]!, S("time")) <= 0 && (long)e["seq"]! < L("size")).ToList();
                return Data(["size"], [[before.Count == 0 ? 0L : before.Max(e => (long)e["seq"]!) + 1]]);
            case "verify_entries":
                return Data(["seq", "time", "entry", "leafHash"], Entries.Skip((int)L("from")).Take((int)L("limit")).Select(e => new object?[] { e["seq"], e["time"], e["entry"], e["leafHash"] }));
            case "verify_heads":
                return Data(["size", "root", "time", "signature", "keyId"], _heads.Where(h => h["size"]!.GetValue<long>() > L("after")).Take((int)L("limit"))
                    .Select(h => new object?[] { h["size"]!.GetValue<long>(), h["root"]!.GetValue<string>(), h["time"]!.GetValue<string>(), h["signature"]!.GetValue<string>(), h["keyId"]!.GetValue<string>() }));
            case "verify_nodes":
                return Data(["id", "kind", "key", "props", "seq"], _nodes.Values.Where(n => string.CompareOrdinal(n.Id, S("after")) > 0).OrderBy(n => n.Id, StringComparer.Ordinal).Take((int)L("limit"))
                    .Select(n => new object?[] { n.Id, n.Kind, n.Key, n.Props, n.Seq }));
            case "verify_edges":
                return Data(["id", "kind", "source", "target", "props", "seq"], _edges.Values.Where(e => string.CompareOrdinal(e.Id, S("after")) > 0).OrderBy(e => e.Id, StringComparer.Ordinal).Take((int)L("limit"))
                    .Select(e => new object?[] { e.Id, e.Kind, e.From, e.To, e.Props, e.Seq }));
            case "ledger_leaf_hashes":
                return Data(["seq", "leafHash"], Entries.Skip((int)L("from")).Take((int)L("limit")).Select(e => new object?[] { e["seq"], e["leafHash"] }));
            case "ledger_entry":
                return Data(["entry"], Entries.Where(e => (long)e["seq"]! == L("seq")).Select(e => new object?[] { e["entry"] }));
            case "ledger_append_entry":
                if (L("seq") != Entries.Count)
                {
                    return Data(["size"], []);
                }
                var entry = p.ToDictionary(kv => kv.Key, kv => (object?)(kv.Value!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? kv.Value.GetValue<long>() : kv.Value.GetValue<string>()));
                Write(() => Entries.Add(entry));
                return Data(["size"], [[L("seq") + 1]]);
            case "ledger_append_nodes":
                var nodes = p["nodes"]!.AsArray().Select(n => new StoredNode(n!["id"]!.GetValue<string>(), n["kind"]!.GetValue<string>(), n["key"]!.GetValue<string>(), n["props"]!.GetValue<string>(), L("seq"))).ToList();
                Write(() => nodes.ForEach(n => _nodes.Add(n.Id, n)));
                return Data(["created"], [[nodes.Count]]);
            case "ledger_append_edges":
                var edges = p["edges"]!.AsArray().Select(e => new StoredEdge(e!["id"]!.GetValue<string>(), e["kind"]!.GetValue<string>(), e["from"]!.GetValue<string>(), e["to"]!.GetValue<string>(), e["props"]!.GetValue<string>(), L("seq"), e["ord"]!.GetValue<long>())).ToList();
                Write(() => edges.ForEach(e =>
                {
                    _edges.Add(e.Id, e);
                    _edgesInOrder.Add(e);
                }));
                return Data(["created"], [[edges.Count]]);
            case "ledger_append_tree_head":
                var head = (JsonObject)p.DeepClone();
                Write(() => _heads.Add(head));
                return Data(["size"], [[L("size")]]);
            default:
                return Error("Neo.ClientError.Statement.SyntaxError", $"the fake Query API does not know {request.StatementName}");
        }
    }
}
