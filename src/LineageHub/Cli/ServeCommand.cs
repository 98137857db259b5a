using System.CommandLine;
using LineageHub.Hosting;

namespace LineageHub.Cli;

/// <summary><c>lineagehub serve</c>: the server on the embedded store.</summary>
public sealed class ServeCommand : ICliVerb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public int Order => 10;

    public Command Build()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default: $LINEAGEHUB_URLS or {DefaultUrls}); a non-loopback address needs an API key or --insecure-no-auth" };
        var data = new Option<string?>("--data") { Description = $"The store's folder (default: $LINEAGEHUB_DATA or ./{StoreOptions.DefaultDataDirectory})" };
        var insecure = new Option<bool>("--insecure-no-auth") { Description = "Serve every request without an API key, even on a non-loopback address" };
        var command = new Command("serve", "Run the LineageHub server: GraphQL at /graphql, the HTTP API and /healthz, on the embedded SQLite store.") { urls, data, insecure };
        command.SetAction((parse, cancellationToken) => ServerHost.RunAsync(
            parse.GetValue(urls) ?? (Environment.GetEnvironmentVariable("LINEAGEHUB_URLS") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultUrls),
            StoreOptions.DataDirectory(parse.GetValue(data)),
            parse.GetValue(insecure),
            cancellationToken));
        return command;
    }
}
