using LineageHub.Security;
using System.CommandLine;
using LineageHub.Hosting;

namespace LineageHub.Cli;

/// <summary><c>lineagehub serve</c>: the server, on the embedded store or on Neo4j.</summary>
public sealed class ServeCommand : ICliVerb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public int Order => 10;

    public Command Build()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default: $LINEAGEHUB_URLS or {DefaultUrls}); a non-loopback address needs an API key or --insecure-no-auth" };
        var data = new Option<string?>("--data") { Description = $"The store's folder, and the signing and API keys' (default: $LINEAGEHUB_DATA or ./{StoreOptions.DefaultDataDirectory})" };
        var store = new Option<StoreKind?>("--store") { HelpName = "sqlite|neo4j", Description = "sqlite (the file in --data) or neo4j (the server of --neo4j-url) (default: $LINEAGEHUB_STORE or sqlite)" };
        var insecure = new Option<bool>("--insecure-no-auth") { Description = "Serve every request without an API key, even on a non-loopback address" };
        var neo4j = new Neo4jOptions();
        var command = new Command("serve", "Run the LineageHub server: GraphQL at /graphql, the HTTP API and /healthz, on the embedded SQLite store or on Neo4j.") { urls, data, store, insecure };
        neo4j.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listen = parse.GetValue(urls) ?? (Environment.GetEnvironmentVariable("LINEAGEHUB_URLS") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultUrls);
            var dataDirectory = StoreOptions.DataDirectory(parse.GetValue(data));
            var keys = ApiKeyStore.Open(dataDirectory);
            // Anyone who can reach a non-loopback address could write, so one needs a key (or an explicit opt-out),
            // checked before the store is opened.
            ListenAddresses.Check(listen, keys, parse.GetValue(insecure));
            var opened = await StoreOptions.OpenStoreAsync(StoreOptions.Kind(parse.GetValue(store)), dataDirectory, neo4j, parse, null, cancellationToken);
            return await ServerHost.RunAsync(listen, opened, keys, parse.GetValue(insecure), cancellationToken, dataDirectory);
        });
        return command;
    }
}
