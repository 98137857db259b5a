using System.Text.Json.Nodes;

namespace LineageHub.Storage.Neo4j.Tests.Http;

// The fake's model of the ledger: enough of each statement's effect for whole appends and reads to run.
public sealed partial class FakeQueryApi
{
    private const string QueryPath = "/db/neo4j/query/v2";

    private readonly Dictionary<string, (string Props, long Seq)> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _edges = new(StringComparer.Ordinal);
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
                return Data(["id", "props"], Strings("ids").Where(_edges.ContainsKey).Select(id => new object?[] { id, _edges[id] }));
            case "facts_run_targets":
                var runs = Strings("runs").ToHashSet(StringComparer.Ordinal);
                return Data(["run", "kind", "target"], _edges.Keys
                    .Select(id => System.Text.Json.JsonSerializer.Deserialize<string[]>(id)!)
                    .Where(e => e[0] is "READ" or "WROTE" && runs.Contains(e[1]))
                    .Select(e => new object?[] { e[1], e[0], e[2] }));
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
                var nodes = p["nodes"]!.AsArray().Select(n => (Id: n!["id"]!.GetValue<string>(), Props: n["props"]!.GetValue<string>())).ToList();
                var seq = L("seq");
                Write(() => nodes.ForEach(n => _nodes[n.Id] = (n.Props, seq)));
                return Data(["created"], [[nodes.Count]]);
            case "ledger_append_edges":
                var edges = p["edges"]!.AsArray().Select(e => (Id: e!["id"]!.GetValue<string>(), Props: e["props"]!.GetValue<string>())).ToList();
                Write(() => edges.ForEach(e => _edges[e.Id] = e.Props));
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
