using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace LineageHub.Core.Evidence;

/// <summary>
/// The one byte form of a bundle: indented JSON with members in a fixed order (schema/consent.md). The
/// verifier re-encodes what it read and requires the same bytes, so a change anywhere — even to spacing —
/// is refused rather than silently ignored.
/// </summary>
public static class EvidenceBundleCodec
{
    /// <summary>The largest bundle read: 2 GiB, the most one array holds.</summary>
    public const long MaxBytes = int.MaxValue;

    private const int MaxEntries = 1_000_000;

    public static byte[] Encode(EvidenceBundle bundle)
    {
        var output = new ArrayBufferWriter<byte>(EstimateSize(bundle));
        using (var json = new Utf8JsonWriter(output, WriterOptions))
        {
            Write(bundle, json);
        }
        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the byte form of <see cref="Encode"/> to <paramref name="stream"/> without holding it all in memory; returns its length.</summary>
    public static long WriteTo(EvidenceBundle bundle, Stream stream)
    {
        var start = stream.Position;
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(bundle, json);
        }
        stream.Write("\n"u8);
        return stream.Position - start;
    }

    private static JsonWriterOptions WriterOptions => new() { Indented = true, IndentSize = 2 };

    // Flushed after each large member, so a stream receives the bundle as it is written rather than at the end.
    private static void Write(EvidenceBundle bundle, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", EvidenceBundle.Format);
        EvidenceJson.WriteQuestion(json, bundle.Question);
        EvidenceJson.WriteTreeHead(json, bundle.TreeHead);
        json.WriteString("signingKey", bundle.SigningKeyPem);
        EvidenceJson.WriteEntries(json, bundle.Entries);
        WriteBlobs(json, "subjectSets", bundle.SubjectSets);
        WriteBlobs(json, "consentBatches", bundle.ConsentBatches);
        json.WritePropertyName("verdict");
        VerdictJson.Write(json, bundle.Verdict);
        json.WriteEndObject();
    }

    /// <summary>Reads a bundle; anything that is not one (or not in its one byte form) is <see cref="ErrorCode.InvalidInput"/>.</summary>
    public static EvidenceBundle Decode(byte[] bytes)
    {
        var bundle = DecodeUnchecked(bytes);
        return IsCanonical(bundle, bytes) ? bundle : throw LineageHubException.InvalidInput(EvidenceMessages.NotCanonical);
    }

    /// <summary>As <see cref="Decode"/> without the byte-form check, for a verifier that runs <see cref="IsCanonical"/> beside its other checks.</summary>
    internal static EvidenceBundle DecodeUnchecked(byte[] bytes)
    {
        EvidenceBundle bundle;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != EvidenceBundle.Format)
            {
                throw LineageHubException.InvalidInput($"not a consent evidence bundle: format is '{format}', expected '{EvidenceBundle.Format}'");
            }
            var (sets, batches) = ReadBlobs(root.GetProperty("subjectSets"), root.GetProperty("consentBatches"));
            bundle = new EvidenceBundle(
                EvidenceJson.ReadQuestion(root.GetProperty("question")),
                EvidenceJson.ReadTreeHead(root.GetProperty("treeHead")),
                root.GetProperty("signingKey").GetString()!,
                EvidenceJson.ReadEntries(root.GetProperty("entries"), MaxEntries),
                sets,
                batches,
                VerdictJson.Read(JsonMarshal.GetRawUtf8Value(root.GetProperty("verdict"))));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw LineageHubException.InvalidInput($"not a readable consent evidence bundle: {ex.Message}");
        }
        return bundle;
    }

    /// <summary>True when re-encoding <paramref name="bundle"/> gives exactly <paramref name="bytes"/>, compared as it is written.</summary>
    internal static bool IsCanonical(EvidenceBundle bundle, byte[] bytes)
    {
        var canonical = new ComparingBufferWriter(bytes);
        using (var json = new Utf8JsonWriter(canonical, WriterOptions))
        {
            Write(bundle, json);
        }
        canonical.Write("\n"u8);
        return canonical.MatchesAll;
    }

    // Sized up front: growing by doubling to a bundle of hundreds of megabytes would copy it several times over.
    private static int EstimateSize(EvidenceBundle bundle)
    {
        static long Base64(long bytes) => ((bytes + 2) / 3 * 4) + 16;
        var size = (1L << 16) + (bundle.Verdict.Violations.Count * 512L) + (bundle.Verdict.Sources.Count * 1024L);
        size += bundle.SubjectSets.Sum(b => Base64(b.Length)) + bundle.ConsentBatches.Sum(b => Base64(b.Length));
        size += bundle.Entries.Sum(e => Base64(e.Bytes.Length) + 128 + (e.Path.Count * 80L));
        return (int)Math.Min(size, Array.MaxLength);
    }

    private static void WriteBlobs(Utf8JsonWriter json, string name, IReadOnlyList<byte[]> blobs)
    {
        json.WriteStartArray(name);
        foreach (var blob in blobs)
        {
            json.WriteBase64StringValue(blob);
            json.Flush();
        }
        json.WriteEndArray();
    }

    // Blobs are megabytes of base64 each (a million-subject bundle holds over a hundred); they decode side by
    // side, the subject sets and batches together so one large batch does not leave a core idle.
    private static (byte[][] Sets, byte[][] Batches) ReadBlobs(JsonElement sets, JsonElement batches)
    {
        JsonElement[] elements = [.. sets.EnumerateArray(), .. batches.EnumerateArray()];
        var blobs = new byte[]?[elements.Length];
        Parallel.For(0, elements.Length, i => blobs[i] = elements[i].ValueKind == JsonValueKind.String && elements[i].TryGetBytesFromBase64(out var bytes) ? bytes : null);
        var setCount = sets.GetArrayLength();
        if (Array.IndexOf(blobs, null) is var bad and >= 0)
        {
            throw new FormatException(bad < setCount ? $"subject set {bad} is not a base64 string" : $"consent batch {bad - setCount} is not a base64 string");
        }
        var decoded = Array.ConvertAll(blobs, b => b!);
        return (decoded[..setCount], decoded[setCount..]);
    }
}
