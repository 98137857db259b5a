using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineageHub.Connectors.Datasets;

/// <summary>A chunk as the stored metadata holds it.</summary>
public sealed record StoredChunk(long FirstRow, long Rows, string Root, string? FirstKey, string? LastKey)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
