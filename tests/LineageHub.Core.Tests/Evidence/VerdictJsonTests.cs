using System.Text.Json;
using System.Text.Json.Serialization;
using LineageHub.Core.Consent;
using LineageHub.Core.Evidence;

namespace LineageHub.Core.Tests.Evidence;

public sealed class VerdictJsonTests
{
    // The form bundles were first written in: System.Text.Json's web defaults with snake_case reasons.
    private static readonly JsonSerializerOptions FirstForm = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        WriteIndented = true,
        IndentSize = 2,
    };

    private static ConsentVerdict Sample(DateTimeOffset? time) => new(
        ConsentVerdict.Fail,
        "model_version:credit \"model\"|v1",
        "credit-scoring",
        time,
        3,
        [
            new SourceVerdict("dataset_version:bank|crm|ab", "crm", "consent_records", null, "ff00", 2, 1, 1, 0, 0, 0),
            new SourceVerdict("dataset_version:bank|bureau|cd", null, "contract", "declaration:x<y>", null, 1, 1, 0, 0, 0, 0),
        ],
        ["dataset_version:bank|loans|ef"],
        ["a problem with ünïcode & \u0001 control"],
        [.. Enum.GetValues<ViolationReason>().Select(r => new ConsentViolation(new string('a', 64), "dataset_version:bank|crm|ab", r == ViolationReason.Expired ? null : "crm", r))]);

    [Fact]
    public void Encode_GivesTheFirstFormsBytes()
    {
        foreach (var verdict in new[] { Sample(new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.Zero)), Sample(null) })
        {
            Assert.Equal(JsonSerializer.Serialize(verdict, FirstForm), System.Text.Encoding.UTF8.GetString(VerdictJson.Encode(verdict)));
        }
    }

    [Fact]
    public void Read_GivesBackWhatWasWritten()
    {
        var verdict = Sample(new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.Zero));

        var read = VerdictJson.Read(VerdictJson.Encode(verdict));

        Assert.Equal(VerdictJson.Encode(verdict), VerdictJson.Encode(read));
        Assert.Equal(verdict.Violations, read.Violations);
        Assert.Equal(verdict.Sources, read.Sources);
    }

    [Theory]
    [InlineData("\"reason\": \"none\"", "\"reason\": \"nobody\"")]
    [InlineData("\"reason\": \"none\"", "\"reason\": 0")]
    [InlineData("\"subjectsChecked\": 3", "\"subjectsChecked\": \"3\"")]
    [InlineData("\"subjectsChecked\": 3", "\"subjectsChecked\": 3.5")]
    [InlineData("\"outcome\": \"fail\"", "\"outcome\": null")]
    [InlineData("\"outcome\": \"fail\",\n  \"modelVersion\"", "\"modelVersion\": \"x\",\n  \"outcome\"")]
    [InlineData("\"problems\": [", "\"problems\": [1, ")]
    public void Read_RefusesAnythingButTheWrittenForm(string find, string replace)
    {
        var text = System.Text.Encoding.UTF8.GetString(VerdictJson.Encode(Sample(null)));
        Assert.Contains(find, text);

        Assert.ThrowsAny<JsonException>(() => VerdictJson.Read(System.Text.Encoding.UTF8.GetBytes(text.Replace(find, replace))));
    }

    [Fact]
    public void Read_RefusesTrailingContent()
    {
        var bytes = VerdictJson.Encode(Sample(null)).Concat("{}"u8.ToArray()).ToArray();

        Assert.ThrowsAny<JsonException>(() => VerdictJson.Read(bytes));
    }
}
