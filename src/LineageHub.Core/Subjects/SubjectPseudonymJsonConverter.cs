using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineageHub.Core.Subjects;

/// <summary>Reads and writes a <see cref="SubjectPseudonym"/> as its 64 hex digits.</summary>
public sealed class SubjectPseudonymJsonConverter : JsonConverter<SubjectPseudonym>
{
    public override SubjectPseudonym Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SubjectPseudonym.TryParse(reader.GetString(), out var pseudonym) ? pseudonym : throw new JsonException("expected a 64-digit hex subject pseudonym");

    public override void Write(Utf8JsonWriter writer, SubjectPseudonym value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
