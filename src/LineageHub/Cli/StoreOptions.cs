using System.CommandLine;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Cli;

/// <summary>
/// The options every verb that reads or writes lineage takes: <c>--data DIR</c> for a local store,
/// <c>--server URL</c> for a running server, <c>--json</c> for machine-readable output.
/// </summary>
public sealed class StoreOptions
{
    public const string DefaultDataDirectory = "lineagehub-data";

    public Option<string?> Data { get; } = new("--data") { Description = $"The local store's folder (default: $LINEAGEHUB_DATA or ./{DefaultDataDirectory})" };

    public Option<string?> Server { get; } = new("--server") { Description = "A running LineageHub server to ask instead of a local store (default: $LINEAGEHUB_SERVER)" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON" };

    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Server);
        command.Add(Json);
    }

    public static string DataDirectory(string? given) =>
        given ?? (Environment.GetEnvironmentVariable("LINEAGEHUB_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultDataDirectory);

    private static Uri? ServerUrl(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw LineageHubException.InvalidInput($"--server must be an http(s) URL such as http://127.0.0.1:5080, got '{text}'");
    }

    public ILineageService Open(ParseResult parse)
    {
        var data = parse.GetValue(Data);
        var server = ServerUrl(parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("LINEAGEHUB_SERVER"));
        if (server is not null && data is not null)
        {
            throw LineageHubException.InvalidInput("give --data or --server, not both");
        }
        if (server is not null)
        {
            return new RemoteLineageService(server);
        }
        return new LocalLineageService(SqliteLineageStore.Open(DataDirectory(data)), ownsStore: true);
    }
}
