using System.Globalization;
using System.Text;
using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

// Between domain values and what Neo4j stores: every value read back is checked, since the database can be edited by hand.
public sealed partial class Neo4jLineageStore
{
    /// <summary>An edge's id property: the JSON array [kind, from, to], which no two edges share and no key can make ambiguous.</summary>
    internal static string EdgeId(EdgeKind kind, NodeKey from, NodeKey to) =>
        JsonSerializer.Serialize(new[] { EdgeRules.Name(kind), from.ToString(), to.ToString() });

    private static NodeKey ReadKey(string? text) =>
        NodeKey.TryParse(text, out var key) ? key : throw LineageHubException.Corrupt($"a stored node has the malformed id '{text}'");

    private static EdgeKind ReadEdgeKind(string? name) =>
        name is not null && EdgeRules.TryParse(name, out var kind) ? kind : throw LineageHubException.Corrupt($"a stored edge has the unknown kind '{name}'");

    private static byte[] ReadProps(string? text) =>
        text is null ? throw LineageHubException.Corrupt("a stored node or edge has no properties") : Encoding.UTF8.GetBytes(text);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, LedgerEntryCodec.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw LineageHubException.Corrupt($"a stored time '{text}' is not in the ledger's time format");

    private static NodeRecord ReadNode(QueryResult rows, int row) =>
        new(ReadKey(rows.String(row, "id")), ReadProps(rows.String(row, "props")), rows.Int64(row, "seq"));

    private static SignedTreeHead ReadHead(QueryResult rows, int row)
    {
        try
        {
            return new SignedTreeHead(
                rows.Int64(row, "size"),
                Digest.Parse(rows.String(row, "root") ?? ""),
                ParseTime(rows.String(row, "time") ?? ""),
                Convert.FromBase64String(rows.String(row, "signature") ?? ""),
                rows.String(row, "keyId") ?? "");
        }
        catch (FormatException ex)
        {
            throw LineageHubException.Corrupt($"a stored signed tree head is malformed: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, object?> HeadParameters(SignedTreeHead head) => new()
    {
        ["size"] = head.Size,
        ["root"] = head.Root.ToString(),
        ["time"] = LedgerEntryCodec.FormatTime(head.Time),
        ["signature"] = Convert.ToBase64String(head.Signature),
        ["keyId"] = head.KeyId,
    };
}
