using System.Text.Json;
using LineageHub.Api;

namespace LineageHub.Cli;

/// <summary>Prints a result as JSON (<c>--json</c>) or as the text a person reads.</summary>
public static class Output
{
    public static void Print<T>(bool json, T value, Func<T, string> human)
    {
        Console.Out.WriteLine(json ? JsonSerializer.Serialize(value, ApiJson.Options) : human(value));
    }
}
