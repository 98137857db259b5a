using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineageHub.Api;

/// <summary>The JSON settings of every document LineageHub prints or serves: camelCase, indented for people, nulls kept.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
