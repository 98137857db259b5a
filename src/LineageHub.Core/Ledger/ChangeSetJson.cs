using System.Text.Json;
using LineageHub.Core.Canonical;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>
/// The JSON form of a change set, as clients send it:
/// <c>{"actor":"…","nodes":[{"id":"kind:key","props":{…}}],"edges":[{"kind":"READ","from":"…","to":"…","props":{…}}]}</c>.
/// Untrusted input: depth and fact counts are capped before anything is built, every node's props must
/// be a valid record of its kind whose key is the id given, and every error names the fact at fault.
/// </summary>
public static class ChangeSetJson
{
    public static ChangeSet Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput($"the change set is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw LineageHubException.InvalidInput("a change set is a JSON object with \"nodes\" and \"edges\" arrays");
            }
            var nodes = Array(root, "nodes");
            var edges = Array(root, "edges");
            if (nodes.GetArrayLength() + edges.GetArrayLength() > ChangeSet.MaxFacts)
            {
                throw LineageHubException.InvalidInput($"the change set has more than {ChangeSet.MaxFacts} facts");
            }
            var builder = ChangeSet.Builder(root.TryGetProperty("actor", out var actor) && actor.ValueKind == JsonValueKind.String ? actor.GetString() : null);
            var index = 0;
            foreach (var node in nodes.EnumerateArray())
            {
                builder.Add(ParseNode(node, index++));
            }
            index = 0;
            foreach (var edge in edges.EnumerateArray())
            {
                var where = $"edges[{index++}]";
                var kindName = Text(edge, "kind", where);
                if (!EdgeRules.TryParse(kindName, out var kind))
                {
                    throw LineageHubException.InvalidInput($"{where}: unknown edge kind '{kindName}' (expected one of {string.Join(", ", Enum.GetValues<EdgeKind>().Select(EdgeRules.Name))})");
                }
                var props = edge.TryGetProperty("props", out var p) && p.ValueKind != JsonValueKind.Null ? p : default;
                if (props.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
                {
                    throw LineageHubException.InvalidInput($"{where}: props must be an object");
                }
                builder.Link(kind, Key(edge, "from", where), Key(edge, "to", where), props.ValueKind == JsonValueKind.Object ? CanonicalJson.Encode(props) : default);
            }
            return builder.Build();
        }
    }

    /// <summary>Writes a change set in the form <see cref="Parse"/> reads.</summary>
    public static byte[] Write(ChangeSet changes)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (changes.Actor is not null)
            {
                writer.WriteString("actor", changes.Actor);
            }
            writer.WriteStartArray("nodes");
            foreach (var node in changes.Nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("id", node.Key.ToString());
                writer.WritePropertyName("props");
                writer.WriteRawValue(node.Properties, skipInputValidation: true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("edges");
            foreach (var edge in changes.Edges)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", EdgeRules.Name(edge.Kind));
                writer.WriteString("from", edge.From.ToString());
                writer.WriteString("to", edge.To.ToString());
                writer.WritePropertyName("props");
                writer.WriteRawValue(edge.Properties, skipInputValidation: true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    // The props must be a record of the id's kind whose own key is that id: a client cannot file a
    // dataset under another dataset's name, and the stored bytes are the record's canonical form.
    private static NodeFact ParseNode(JsonElement node, int index)
    {
        var where = $"nodes[{index}]";
        var key = Key(node, "id", where);
        if (!node.TryGetProperty("props", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            throw LineageHubException.InvalidInput($"{where} ({key}): props must be an object");
        }
        INode record;
        try
        {
            record = (INode)(props.Deserialize(NodeCodec.RecordType(key.Kind), NodeCodec.Options)
                ?? throw new JsonException("props are null"));
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput($"{where} ({key}): props are not a valid {NodeKinds.Name(key.Kind)}: {ex.Message}");
        }
        if (record.Key != key)
        {
            throw LineageHubException.InvalidInput($"{where}: the id {key} does not match its props, which describe {record.Key}");
        }
        return new NodeFact(key, NodeCodec.Encode(record));
    }

    private static JsonElement Array(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array))
        {
            return JsonDocument.Parse("[]").RootElement;
        }
        return array.ValueKind == JsonValueKind.Array ? array : throw LineageHubException.InvalidInput($"\"{name}\" must be an array");
    }

    private static string Text(JsonElement element, string name, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw LineageHubException.InvalidInput($"{where}: \"{name}\" must be a string");

    private static NodeKey Key(JsonElement element, string name, string where)
    {
        var text = Text(element, name, where);
        return NodeKey.TryParse(text, out var key) ? key : throw LineageHubException.InvalidInput($"{where}: '{text}' is not a node id (kind:key)");
    }
}
