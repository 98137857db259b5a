using System.Globalization;
using System.Text.Json;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Evidence;

/// <summary>
/// The members a bundle and a sample share — question, tree head, entries — written and read by both codecs
/// (schema/consent.md), so the two forms agree byte for byte.
/// </summary>
internal static class EvidenceJson
{
    /// <summary>The longest inclusion path read: a tree of 2^64 leaves needs 64 hashes.</summary>
    public const int MaxPath = 64;

    public static void WriteQuestion(Utf8JsonWriter json, EvidenceQuestion question)
    {
        json.WriteStartObject("question");
        json.WriteString("modelVersion", question.ModelVersion);
        json.WriteString("purpose", question.Purpose);
        if (question.AsOf is { } asOf)
        {
            json.WriteString("asOf", LedgerEntryCodec.FormatTime(asOf));
        }
        else
        {
            json.WriteNull("asOf");
        }
        json.WriteNumber("ledgerSize", question.LedgerSize);
        json.WriteEndObject();
    }

    public static void WriteTreeHead(Utf8JsonWriter json, SignedTreeHead head)
    {
        json.WriteStartObject("treeHead");
        json.WriteNumber("size", head.Size);
        json.WriteString("root", head.Root.ToString());
        json.WriteString("time", LedgerEntryCodec.FormatTime(head.Time));
        json.WriteString("keyId", head.KeyId);
        json.WriteBase64String("signature", head.Signature);
        json.WriteEndObject();
    }

    public static void WriteEntries(Utf8JsonWriter json, IReadOnlyList<EvidenceEntry> entries)
    {
        json.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteNumber("seq", entry.Seq);
            json.WriteBase64String("bytes", entry.Bytes);
            WritePath(json, entry.Path);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void WritePath(Utf8JsonWriter json, IReadOnlyList<Digest> path)
    {
        json.WriteStartArray("path");
        foreach (var hash in path)
        {
            json.WriteStringValue(hash.ToString());
        }
        json.WriteEndArray();
    }

    public static EvidenceQuestion ReadQuestion(JsonElement question)
    {
        var asOf = question.GetProperty("asOf");
        return new EvidenceQuestion(
            question.GetProperty("modelVersion").GetString()!,
            question.GetProperty("purpose").GetString()!,
            asOf.ValueKind == JsonValueKind.Null ? null : ParseTime(asOf.GetString()!),
            question.GetProperty("ledgerSize").GetInt64());
    }

    public static SignedTreeHead ReadTreeHead(JsonElement head) => new(
        head.GetProperty("size").GetInt64(),
        Digest.Parse(head.GetProperty("root").GetString()!),
        ParseTime(head.GetProperty("time").GetString()!),
        head.GetProperty("signature").GetBytesFromBase64(),
        head.GetProperty("keyId").GetString()!);

    public static EvidenceEntry[] ReadEntries(JsonElement entries, int max)
    {
        if (entries.GetArrayLength() > max)
        {
            throw LineageHubException.InvalidInput($"at most {max} ledger entries are read");
        }
        return [.. entries.EnumerateArray().Select(e => new EvidenceEntry(e.GetProperty("seq").GetInt64(), e.GetProperty("bytes").GetBytesFromBase64(), ReadPath(e)))];
    }

    public static Digest[] ReadPath(JsonElement holder)
    {
        var path = holder.GetProperty("path");
        if (path.GetArrayLength() > MaxPath)
        {
            throw LineageHubException.InvalidInput($"an inclusion path has at most {MaxPath} hashes");
        }
        return [.. path.EnumerateArray().Select(p => Digest.Parse(p.GetString()!))];
    }

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, LedgerEntryCodec.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
