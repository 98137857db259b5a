using System.CommandLine;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Cli;

/// <summary>
/// The options every verb that reads or writes lineage takes: <c>--data DIR</c> for a local store,
/// <c>--server URL</c> for a running server, <c>--store sqlite|neo4j</c> with the Neo4j connection
/// options, and <c>--json</c> for machine-readable output.
/// </summary>
public sealed class StoreOptions
{
    public const string DefaultDataDirectory = "lineagehub-data";

    public Option<string?> Data { get; } = new("--data") { Description = $"The local store's folder, and the signing key's (default: $LINEAGEHUB_DATA or ./{DefaultDataDirectory})" };

    public Option<string?> Server { get; } = new("--server") { Description = "A running LineageHub server to ask instead of a local store (default: $LINEAGEHUB_SERVER)" };

    public Option<StoreKind?> Store { get; } = new("--store") { HelpName = "sqlite|neo4j", Description = "sqlite (the file in --data) or neo4j (the server of --neo4j-url) (default: $LINEAGEHUB_STORE or sqlite)" };

    public Neo4jOptions Neo4j { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON" };

    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Server);
        command.Add(Store);
        Neo4j.AddTo(command);
        command.Add(Json);
    }

    public static string DataDirectory(string? given) =>
        given ?? (Environment.GetEnvironmentVariable("LINEAGEHUB_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultDataDirectory);

    /// <summary>The store kind given, else <c>$LINEAGEHUB_STORE</c>, else SQLite.</summary>
    public static StoreKind Kind(StoreKind? given)
    {
        if (given is { } kind)
        {
            return kind;
        }
        var text = Environment.GetEnvironmentVariable("LINEAGEHUB_STORE");
        if (string.IsNullOrEmpty(text))
        {
            return StoreKind.Sqlite;
        }
        return Enum.TryParse<StoreKind>(text, ignoreCase: true, out var fromEnvironment)
            ? fromEnvironment
            : throw LineageHubException.InvalidInput($"$LINEAGEHUB_STORE must be sqlite or neo4j, got '{text}'");
    }

    /// <summary>Opens the store of <paramref name="kind"/>; the data folder holds the SQLite file and, for either, the signing key.</summary>
    public static async Task<ILineageStore> OpenStoreAsync(StoreKind kind, string dataDirectory, Neo4jOptions neo4j, ParseResult parse, TimeProvider? time, CancellationToken cancellationToken) =>
        kind == StoreKind.Neo4j
            ? await Neo4jLineageStore.OpenAsync(neo4j.Connection(parse), dataDirectory, time, cancellationToken: cancellationToken)
            : SqliteLineageStore.Open(dataDirectory, time);

    /// <summary>The server URL given, or null when none; anything but an http(s) URL is refused.</summary>
    internal static Uri? ServerUrl(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw LineageHubException.InvalidInput($"--server must be an http(s) URL such as http://127.0.0.1:5080, got '{text}'");
    }

    public async Task<ILineageService> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
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
        var store = await OpenStoreAsync(Kind(parse.GetValue(Store)), DataDirectory(data), Neo4j, parse, null, cancellationToken);
        return new LocalLineageService(store, ownsStore: true);
    }
}
