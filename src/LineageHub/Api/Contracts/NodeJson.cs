using System.Text.Json;
using LineageHub.Core.Storage;

namespace LineageHub.Api.Contracts;

/// <summary>One stored node: its id (kind:key), its properties and the ledger entry that recorded it.</summary>
public sealed record NodeJson(string Id, JsonElement Props, long Seq)
{
    public static NodeJson From(NodeRecord record)
    {
        using var document = JsonDocument.Parse(record.Properties);
        return new NodeJson(record.Key.ToString(), document.RootElement.Clone(), record.Seq);
    }
}
