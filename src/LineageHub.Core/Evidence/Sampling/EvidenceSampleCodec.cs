using System.Buffers;
using System.Text.Json;
using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// The one byte form of a sample: indented JSON, members in a fixed order (schema/consent.md, "Sample
/// file"). Reading re-encodes and requires the same bytes, so a change anywhere — spacing included — is refused.
/// </summary>
public static class EvidenceSampleCodec
{
    /// <summary>The decision of a covered subject; a violation is named by its reason (<c>none</c>, <c>expired</c>, …).</summary>
    public const string Covered = "covered";

    private const int MaxEntries = 1_000_000;
    private const int MaxLeaves = 1_000_000;

    private static JsonWriterOptions WriterOptions => new() { Indented = true, IndentSize = 2 };

    public static byte[] Encode(EvidenceSample sample)
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(output, WriterOptions))
        {
            Write(sample, json);
        }
        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>How a decision prints: <see cref="Covered"/>, or the violation's reason in snake case.</summary>
    public static string DecisionName(ViolationReason? decision) =>
        decision is { } reason ? JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString()) : Covered;

    private static ViolationReason? ParseDecision(string text) =>
        text == Covered ? null
        : Enum.GetValues<ViolationReason>().Where(r => DecisionName(r) == text).Select(r => (ViolationReason?)r).FirstOrDefault()
            ?? throw new FormatException($"'{text}' is not a decision");

    private static void Write(EvidenceSample sample, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", EvidenceSample.Format);
        EvidenceJson.WriteQuestion(json, sample.Question);
        EvidenceJson.WriteTreeHead(json, sample.TreeHead);
        json.WriteString("signingKey", sample.SigningKeyPem);
        EvidenceJson.WriteEntries(json, sample.Entries);
        json.WriteStartObject("draw");
        json.WriteNumber("requested", sample.Draw.Requested);
        json.WriteString("challenge", sample.Draw.Challenge);
        json.WriteString("seed", sample.Draw.Seed.ToString());
        json.WriteString("decisionTime", LedgerEntryCodec.FormatTime(sample.Draw.DecisionTime));
        json.WriteStartArray("population");
        foreach (var source in sample.Draw.Population)
        {
            json.WriteStartObject();
            json.WriteString("datasetVersion", source.DatasetVersion);
            json.WriteString("source", source.Source);
            json.WriteString("subjectSetRoot", source.SubjectSetRoot.ToString());
            json.WriteNumber("subjects", source.Subjects);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("subjects");
        foreach (var subject in sample.Subjects)
        {
            WriteSubject(json, subject);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSubject(Utf8JsonWriter json, SampledSubject subject)
    {
        json.WriteStartObject();
        json.WriteNumber("position", subject.Position);
        json.WriteString("pseudonym", subject.Pseudonym.ToString());
        json.WriteString("datasetVersion", subject.DatasetVersion);
        json.WriteNumber("index", subject.Index);
        EvidenceJson.WritePath(json, subject.Path);
        json.WriteStartArray("consent");
        foreach (var excerpt in subject.Consent)
        {
            json.WriteStartObject();
            json.WriteString("batch", excerpt.Root.ToString());
            json.WriteNumber("records", excerpt.Records);
            WriteLeaf(json, "before", excerpt.Before);
            json.WriteStartArray("matching");
            foreach (var leaf in excerpt.Matching)
            {
                WriteLeafValue(json, leaf);
            }
            json.WriteEndArray();
            WriteLeaf(json, "after", excerpt.After);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("decision", DecisionName(subject.Decision));
        json.WriteEndObject();
    }

    private static void WriteLeaf(Utf8JsonWriter json, string name, BatchLeaf? leaf)
    {
        json.WritePropertyName(name);
        if (leaf is null)
        {
            json.WriteNullValue();
            return;
        }
        WriteLeafValue(json, leaf);
    }

    private static void WriteLeafValue(Utf8JsonWriter json, BatchLeaf leaf)
    {
        json.WriteStartObject();
        json.WriteNumber("index", leaf.Index);
        json.WriteBase64String("bytes", leaf.Bytes);
        EvidenceJson.WritePath(json, leaf.Path);
        json.WriteEndObject();
    }

    /// <summary>Reads a sample; anything that is not one, or not in its one byte form, is <see cref="ErrorCode.InvalidInput"/>.</summary>
    public static EvidenceSample Decode(byte[] bytes)
    {
        EvidenceSample sample;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != EvidenceSample.Format)
            {
                throw LineageHubException.InvalidInput($"not a consent sample: format is '{format}', expected '{EvidenceSample.Format}'");
            }
            var subjects = root.GetProperty("subjects");
            if (subjects.GetArrayLength() > EvidenceSample.MaxSubjects)
            {
                throw LineageHubException.InvalidInput(SampleMessages.SizeTooLarge(subjects.GetArrayLength(), EvidenceSample.MaxSubjects));
            }
            sample = new EvidenceSample(
                EvidenceJson.ReadQuestion(root.GetProperty("question")),
                EvidenceJson.ReadTreeHead(root.GetProperty("treeHead")),
                root.GetProperty("signingKey").GetString()!,
                EvidenceJson.ReadEntries(root.GetProperty("entries"), MaxEntries),
                ReadDraw(root.GetProperty("draw")),
                [.. subjects.EnumerateArray().Select(ReadSubject)]);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw LineageHubException.InvalidInput($"not a readable consent sample: {ex.Message}");
        }
        if (!Encode(sample).AsSpan().SequenceEqual(bytes))
        {
            throw LineageHubException.InvalidInput(SampleMessages.NotCanonical);
        }
        return sample;
    }

    private static SampleDraw ReadDraw(JsonElement draw) => new(
        draw.GetProperty("requested").GetInt32(),
        draw.GetProperty("challenge").GetString()!,
        Digest.Parse(draw.GetProperty("seed").GetString()!),
        EvidenceJson.ParseTime(draw.GetProperty("decisionTime").GetString()!),
        [.. Limited(draw.GetProperty("population"), MaxEntries).Select(s => new SampleSource(
            s.GetProperty("datasetVersion").GetString()!,
            s.GetProperty("source").GetString(),
            Digest.Parse(s.GetProperty("subjectSetRoot").GetString()!),
            s.GetProperty("subjects").GetInt64()))]);

    private static SampledSubject ReadSubject(JsonElement subject) => new(
        subject.GetProperty("position").GetInt64(),
        SubjectPseudonym.Parse(subject.GetProperty("pseudonym").GetString()!),
        subject.GetProperty("datasetVersion").GetString()!,
        subject.GetProperty("index").GetInt64(),
        EvidenceJson.ReadPath(subject),
        [.. Limited(subject.GetProperty("consent"), MaxEntries).Select(e => new BatchExcerpt(
            Digest.Parse(e.GetProperty("batch").GetString()!),
            e.GetProperty("records").GetInt64(),
            ReadLeaf(e.GetProperty("before")),
            [.. Limited(e.GetProperty("matching"), MaxLeaves).Select(l => ReadLeaf(l)!)],
            ReadLeaf(e.GetProperty("after"))))],
        ParseDecision(subject.GetProperty("decision").GetString()!));

    private static BatchLeaf? ReadLeaf(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.Null ? null
        : new BatchLeaf(leaf.GetProperty("index").GetInt64(), leaf.GetProperty("bytes").GetBytesFromBase64(), EvidenceJson.ReadPath(leaf));

    // Array lengths are checked before anything is built from them, as every reader of untrusted bytes must.
    private static JsonElement.ArrayEnumerator Limited(JsonElement array, int max) =>
        array.GetArrayLength() <= max ? array.EnumerateArray() : throw LineageHubException.InvalidInput($"an array of the sample holds more than {max:N0} items");
}
