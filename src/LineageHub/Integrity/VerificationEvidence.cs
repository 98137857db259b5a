using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Verification;
using LineageHub.Core.Hashing;

namespace LineageHub.Integrity;

/// <summary>
/// The evidence a Verification fact carries, as JSON text: what was read and what differed, and what the next
/// check builds on (the file stamps of a good dataset check for incremental mode, the verified tree head of a
/// ledger check for the consistency proof).
/// </summary>
public static class VerificationEvidence
{
    public static string Of(DatasetVerificationResult result)
    {
        var stamps = new JsonObject();
        foreach (var (part, stamp) in result.Stamps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            stamps[part] = new JsonObject { ["size"] = stamp.Size, ["modified"] = stamp.ModifiedUtc.ToString("O", CultureInfo.InvariantCulture) };
        }
        var evidence = new JsonObject
        {
            ["summary"] = result.Summary,
            ["path"] = result.Path,
            ["root"] = result.Root?.ToString(),
            ["incremental"] = result.Incremental,
            ["filesSkipped"] = result.FilesSkipped,
            ["bytesRead"] = result.BytesRead,
            ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
            ["differences"] = JsonSerializer.SerializeToNode(result.Differences, StoredChunk.JsonOptions),
            ["stamps"] = stamps,
        };
        return evidence.ToJsonString();
    }

    public static string Of(LedgerCheck check) => new JsonObject
    {
        ["summary"] = check.Summary,
        ["problems"] = new JsonArray([.. check.Problems.Select(p => (JsonNode?)JsonValue.Create(p))]),
        ["treeSize"] = check.Head.Size,
        ["root"] = check.Head.Root.ToString(),
    }.ToJsonString();

    /// <summary>One line per difference of a dataset check, for alerts and the CLI.</summary>
    public static IReadOnlyList<string> Lines(DatasetVerificationResult result) => [.. result.Differences.Select(Line)];

    public static string Line(VerificationDifference d)
    {
        var where = d switch
        {
            { File: { } file } => $"file {file}",
            { Chunk: { } chunk, FirstByte: { } first, LastByte: { } last } => $"chunk {chunk} (bytes {first}–{last})",
            { Chunk: { } chunk, FirstRow: { } first, LastRow: { } last } => $"chunk {chunk} (rows {first}–{last}{(d.FirstKey is null ? "" : $", keys {d.FirstKey}–{d.LastKey}")})",
            _ => d.Part,
        };
        return $"{where}: {d.Detail}";
    }

    /// <summary>The file stamps a dataset check recorded; null when the evidence has none.</summary>
    public static IReadOnlyDictionary<string, FileStamp>? Stamps(string? evidence)
    {
        if (Parse(evidence) is not { } root || root["stamps"] is not JsonObject stamps)
        {
            return null;
        }
        var result = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var (part, value) in stamps)
        {
            if (value?["size"]?.GetValue<long>() is { } size && value["modified"]?.GetValue<string>() is { } modified
                && DateTime.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
            {
                result[part] = new FileStamp(size, time);
            }
        }
        return result;
    }

    /// <summary>The tree head a ledger check verified; null when the evidence has none.</summary>
    public static TreePoint? Head(string? evidence) =>
        Parse(evidence) is { } root && root["treeSize"]?.GetValue<long>() is { } size && Digest.TryParse(root["root"]?.GetValue<string>(), out var digest)
            ? new TreePoint(size, digest)
            : null;

    public static string? Summary(string? evidence) => Parse(evidence)?["summary"]?.GetValue<string>();

    /// <summary>The evidence as a JSON value for the API; text that is not JSON comes back as a JSON string.</summary>
    public static JsonElement? Json(string? evidence) =>
        evidence is null ? null : Parse(evidence) is { } node ? JsonSerializer.SerializeToElement(node) : JsonSerializer.SerializeToElement(evidence);

    private static JsonNode? Parse(string? evidence)
    {
        if (string.IsNullOrEmpty(evidence))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(evidence);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
