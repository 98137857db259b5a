using System.Net;
using LineageHub.Api;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Hosting;

/// <summary>Builds and runs the ASP.NET Core host: the store as a singleton, the HTTP API, health.</summary>
public static class ServerHost
{
    /// <summary>Serves <paramref name="store"/> (SQLite or Neo4j, opened by the caller) until cancelled; owns and disposes it.</summary>
    public static async Task<int> RunAsync(string urls, ILineageStore store, CancellationToken cancellationToken)
    {
        RequireLoopback(urls);
        await using var service = new LocalLineageService(store, ownsStore: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(service);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        await using var app = builder.Build();
        HttpApi.Map(app);
        app.Logger.LogInformation("LineageHub serving {Urls} with the store in {Path} (ledger size {Size})",
            urls, store switch { SqliteLineageStore sqlite => sqlite.DatabasePath, Neo4jLineageStore neo4j => neo4j.Location, _ => store.GetType().Name }, (await store.GetTreeHeadAsync(cancellationToken)).Size);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    // Until API keys exist, the server writes for whoever can reach it, so it only listens where
    // nobody else can: the loopback interface.
    public static void RequireLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw LineageHubException.InvalidInput($"'{url}' is not a URL to listen on (e.g. http://127.0.0.1:5080)");
            }
            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                throw LineageHubException.InvalidInput($"refusing to listen on {url}: this version has no access control yet, so it serves the loopback interface only (127.0.0.1, ::1, localhost)");
            }
        }
    }
}
