using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LineageHub.Core.Canonical;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>
/// The canonical bytes of a ledger entry (schema/ledger.md): one canonical JSON object whose members
/// are written in sorted order by construction —
/// <c>{"actor":…,"edges":[{"from":…,"kind":…,"props":{…},"to":…}],"nodes":[{"key":…,"props":{…}}],"seq":N,"time":"…Z","v":1}</c>.
/// </summary>
public static class LedgerEntryCodec
{
    public const int Version = 1;

    /// <summary>UTC with seven fractional digits: fixed width, so the text sorts as the time does.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static byte[] Encode(LedgerEntry entry)
    {
        var output = new ArrayBufferWriter<byte>(256 + (entry.Nodes.Count * 128) + (entry.Edges.Count * 160));
        CanonicalJson.Put(output, "{");
        if (entry.Actor is not null)
        {
            CanonicalJson.Put(output, "\"actor\":");
            CanonicalJson.WriteString(entry.Actor, output);
            CanonicalJson.Put(output, ",");
        }
        CanonicalJson.Put(output, "\"edges\":[");
        for (var i = 0; i < entry.Edges.Count; i++)
        {
            var edge = entry.Edges[i];
            CanonicalJson.Put(output, i == 0 ? "{\"from\":" : ",{\"from\":");
            CanonicalJson.WriteString(edge.From.ToString(), output);
            CanonicalJson.Put(output, ",\"kind\":");
            CanonicalJson.WriteString(EdgeRules.Name(edge.Kind), output);
            CanonicalJson.Put(output, ",\"props\":");
            output.Write(edge.Properties);
            CanonicalJson.Put(output, ",\"to\":");
            CanonicalJson.WriteString(edge.To.ToString(), output);
            CanonicalJson.Put(output, "}");
        }
        CanonicalJson.Put(output, "],\"nodes\":[");
        for (var i = 0; i < entry.Nodes.Count; i++)
        {
            var node = entry.Nodes[i];
            CanonicalJson.Put(output, i == 0 ? "{\"key\":" : ",{\"key\":");
            CanonicalJson.WriteString(node.Key.ToString(), output);
            CanonicalJson.Put(output, ",\"props\":");
            output.Write(node.Properties);
            CanonicalJson.Put(output, "}");
        }
        CanonicalJson.Put(output, $"],\"seq\":{entry.Seq.ToString(CultureInfo.InvariantCulture)},\"time\":\"{FormatTime(entry.Time)}\",\"v\":{Version}}}");
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads stored entry bytes back; anything that is not an entry we would write is <see cref="ErrorCode.Corrupt"/>.</summary>
    public static LedgerEntry Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth + 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var version = root.GetProperty("v").GetInt32();
            if (version != Version)
            {
                throw LineageHubException.Corrupt($"ledger entry format version {version} is not supported (expected {Version})");
            }
            var seq = root.GetProperty("seq").GetInt64();
            var time = DateTimeOffset.ParseExact(root.GetProperty("time").GetString()!, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var actor = root.TryGetProperty("actor", out var a) ? a.GetString() : null;
            var nodes = root.GetProperty("nodes").EnumerateArray()
                .Select(n => new NodeFact(NodeKey.Parse(n.GetProperty("key").GetString()!), CanonicalJson.Encode(n.GetProperty("props"))))
                .ToArray();
            var edges = root.GetProperty("edges").EnumerateArray()
                .Select(e => new EdgeFact(
                    EdgeRules.TryParse(e.GetProperty("kind").GetString()!, out var kind) ? kind : throw LineageHubException.Corrupt($"unknown edge kind '{e.GetProperty("kind").GetString()}'"),
                    NodeKey.Parse(e.GetProperty("from").GetString()!),
                    NodeKey.Parse(e.GetProperty("to").GetString()!),
                    CanonicalJson.Encode(e.GetProperty("props"))))
                .ToArray();
            return new LedgerEntry(seq, time, actor, nodes, edges);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or LineageHubException { Code: ErrorCode.InvalidInput })
        {
            throw LineageHubException.Corrupt($"a stored ledger entry is not valid: {ex.Message}", ex);
        }
    }
}
