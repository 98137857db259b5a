using System.Buffers;
using System.Text.Json;
using LineageHub.Core.Consent;

namespace LineageHub.Core.Evidence;

/// <summary>
/// The verdict's JSON form (schema/consent.md, "Evidence bundle"): camelCase members in declaration order,
/// reasons in snake_case, times as ISO-8601 with offset — what System.Text.Json's web defaults wrote when
/// bundles were first made, so older bundles keep their bytes. Written and read by hand because a verdict
/// lists every violation, tens of thousands of them, and the reflection serializer was a tenth of proving
/// and verifying. The reader takes members in the written order only: any other order is not the one byte
/// form, which the bundle's canonical check refuses anyway.
/// </summary>
public static class VerdictJson
{
    private static readonly JsonWriterOptions Standalone = new() { Indented = true, IndentSize = 2 };

    private static readonly JsonEncodedText[] ReasonNames =
        [.. Enum.GetValues<ViolationReason>().Select(r => JsonEncodedText.Encode(JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString())))];

    /// <summary>The verdict alone, indented as at the top level.</summary>
    public static byte[] Encode(ConsentVerdict verdict)
    {
        var output = new ArrayBufferWriter<byte>(4096 + (verdict.Violations.Count * 300));
        using (var json = new Utf8JsonWriter(output, Standalone))
        {
            Write(json, verdict);
        }
        return output.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter json, ConsentVerdict verdict)
    {
        json.WriteStartObject();
        json.WriteString("outcome", verdict.Outcome);
        json.WriteString("modelVersion", verdict.ModelVersion);
        json.WriteString("purpose", verdict.Purpose);
        if (verdict.DecisionTime is { } time)
        {
            json.WriteString("decisionTime", time);
        }
        else
        {
            json.WriteNull("decisionTime");
        }
        json.WriteNumber("subjectsChecked", verdict.SubjectsChecked);
        json.WriteStartArray("sources");
        foreach (var source in verdict.Sources)
        {
            json.WriteStartObject();
            json.WriteString("datasetVersion", source.DatasetVersion);
            json.WriteString("source", source.Source);
            json.WriteString("basis", source.Basis);
            json.WriteString("declaration", source.Declaration);
            json.WriteString("subjectSetRoot", source.SubjectSetRoot);
            json.WriteNumber("subjects", source.Subjects);
            json.WriteNumber("covered", source.Covered);
            json.WriteNumber("none", source.None);
            json.WriteNumber("expired", source.Expired);
            json.WriteNumber("withdrawn", source.Withdrawn);
            json.WriteNumber("wrongPurpose", source.WrongPurpose);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "missingSubjectSets", verdict.MissingSubjectSets);
        WriteStrings(json, "problems", verdict.Problems);
        json.WriteStartArray("violations");
        foreach (var violation in verdict.Violations)
        {
            json.WriteStartObject();
            json.WriteString("subject", violation.Subject);
            json.WriteString("datasetVersion", violation.DatasetVersion);
            json.WriteString("source", violation.Source);
            json.WriteString("reason", ReasonNames[(int)violation.Reason]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a verdict's JSON; anything else is a <see cref="JsonException"/>.</summary>
    public static ConsentVerdict Read(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
        Next(ref json, JsonTokenType.StartObject);
        var outcome = RequiredString(ref json, "outcome");
        var modelVersion = RequiredString(ref json, "modelVersion");
        var purpose = RequiredString(ref json, "purpose");
        Member(ref json, "decisionTime");
        DateTimeOffset? decisionTime = json.TokenType == JsonTokenType.Null ? null : json.GetDateTimeOffset();
        var subjectsChecked = Number(ref json, "subjectsChecked");
        var sources = new List<SourceVerdict>();
        Array(ref json, "sources");
        while (Element(ref json))
        {
            sources.Add(new SourceVerdict(
                RequiredString(ref json, "datasetVersion"),
                OptionalString(ref json, "source"),
                RequiredString(ref json, "basis"),
                OptionalString(ref json, "declaration"),
                OptionalString(ref json, "subjectSetRoot"),
                Number(ref json, "subjects"),
                Number(ref json, "covered"),
                Number(ref json, "none"),
                Number(ref json, "expired"),
                Number(ref json, "withdrawn"),
                Number(ref json, "wrongPurpose")));
            Next(ref json, JsonTokenType.EndObject);
        }
        var missing = Strings(ref json, "missingSubjectSets");
        var problems = Strings(ref json, "problems");
        var violations = new List<ConsentViolation>();
        Array(ref json, "violations");
        while (Element(ref json))
        {
            violations.Add(new ConsentViolation(
                RequiredString(ref json, "subject"),
                RequiredString(ref json, "datasetVersion"),
                OptionalString(ref json, "source"),
                Reason(ref json)));
            Next(ref json, JsonTokenType.EndObject);
        }
        Next(ref json, JsonTokenType.EndObject);
        if (json.Read())
        {
            throw new JsonException("the verdict has content after its end");
        }
        return new ConsentVerdict(outcome, modelVersion, purpose, decisionTime, subjectsChecked, sources, missing, problems, violations);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void Next(ref Utf8JsonReader json, JsonTokenType expected)
    {
        if (!json.Read() || json.TokenType != expected)
        {
            throw new JsonException($"the verdict has {(json.TokenType == JsonTokenType.None ? "an end" : json.TokenType.ToString())} where {expected} was expected, at byte {json.TokenStartIndex}");
        }
    }

    // Moves to the value of the next member, which must be `name`.
    private static void Member(ref Utf8JsonReader json, string name)
    {
        Next(ref json, JsonTokenType.PropertyName);
        if (!json.ValueTextEquals(name))
        {
            throw new JsonException($"the verdict has member '{json.GetString()}' where '{name}' was expected, at byte {json.TokenStartIndex}");
        }
        if (!json.Read())
        {
            throw new JsonException($"the verdict ends inside member '{name}'");
        }
    }

    private static string RequiredString(ref Utf8JsonReader json, string name) =>
        OptionalString(ref json, name) ?? throw new JsonException($"the verdict's '{name}' is null");

    private static string? OptionalString(ref Utf8JsonReader json, string name)
    {
        Member(ref json, name);
        return json.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => json.GetString(),
            _ => throw new JsonException($"the verdict's '{name}' is not a string"),
        };
    }

    private static long Number(ref Utf8JsonReader json, string name)
    {
        Member(ref json, name);
        return json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var value) ? value : throw new JsonException($"the verdict's '{name}' is not an integer");
    }

    private static void Array(ref Utf8JsonReader json, string name)
    {
        Member(ref json, name);
        if (json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"the verdict's '{name}' is not an array");
        }
    }

    // True at the start of the next object of an array; false at its end.
    private static bool Element(ref Utf8JsonReader json)
    {
        if (!json.Read() || json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndArray))
        {
            throw new JsonException($"the verdict has an array element that is not an object, at byte {json.TokenStartIndex}");
        }
        return json.TokenType == JsonTokenType.StartObject;
    }

    private static List<string> Strings(ref Utf8JsonReader json, string name)
    {
        Array(ref json, name);
        var values = new List<string>();
        while (json.Read() && json.TokenType == JsonTokenType.String)
        {
            values.Add(json.GetString()!);
        }
        return json.TokenType == JsonTokenType.EndArray ? values : throw new JsonException($"the verdict's '{name}' holds something other than strings");
    }

    private static ViolationReason Reason(ref Utf8JsonReader json)
    {
        Member(ref json, "reason");
        for (var i = 0; i < ReasonNames.Length; i++)
        {
            if (json.TokenType == JsonTokenType.String && json.ValueTextEquals(ReasonNames[i].EncodedUtf8Bytes))
            {
                return (ViolationReason)i;
            }
        }
        throw new JsonException($"the verdict names an unknown violation reason at byte {json.TokenStartIndex}");
    }
}
