using LineageHub.Api;
using LineageHub.Api.GraphQL;
using LineageHub.Client;
using LineageHub.Core.Storage;
using LineageHub.Security;
using LineageHub.Core;
using LineageHub.Storage.Neo4j;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Hosting;

/// <summary>Builds and runs the ASP.NET Core host: the store as a singleton, access control, the HTTP and GraphQL APIs, health.</summary>
public static class ServerHost
{
    /// <summary>
    /// Serves <paramref name="store"/> (SQLite or Neo4j, opened by the caller, who has checked the listening
    /// addresses against <paramref name="keys"/>) until cancelled; owns and disposes the store.
    /// </summary>
    public static async Task<int> RunAsync(string urls, ILineageStore store, ApiKeyStore keys, bool insecureNoAuth, CancellationToken cancellationToken)
    {
        await using var service = new LocalLineageService(store, ownsStore: true);
        await using var app = Build(urls, service, keys, insecureNoAuth);
        if (insecureNoAuth)
        {
            app.Logger.LogWarning("access control is off (--insecure-no-auth): every request may read and write");
        }
        else if (!keys.AnyCreated)
        {
            app.Logger.LogWarning("no API key exists, so access on loopback is open; after `lineagehub keys create` every request needs a key");
        }
        app.Logger.LogInformation("LineageHub serving {Urls} with the store in {Path} (ledger size {Size}); GraphQL at {GraphQL}",
            urls, store switch { SqliteLineageStore sqlite => sqlite.DatabasePath, Neo4jLineageStore neo4j => neo4j.Location, _ => store.GetType().Name },
            (await store.GetTreeHeadAsync(cancellationToken)).Size, GraphQLApi.Path);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>The application, not yet started: what <see cref="RunAsync"/> runs and what the tests start on a free port.</summary>
    public static WebApplication Build(string urls, LocalLineageService service, ApiKeyStore keys, bool insecureNoAuth, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(service);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        logging?.Invoke(builder.Logging);
        var app = builder.Build();
        var access = new AccessControl(keys, insecureNoAuth, app.Logger);
        app.Use(access.InvokeAsync);
        HttpApi.Map(app);
        KeysApi.Map(app, keys);
        GraphQLApi.Map(app, GraphQLApi.CreateExecutor(service.Store, access));
        return app;
    }

    /// <summary>The store a built application serves.</summary>
    public static ILineageStore StoreOf(WebApplication app) => app.Services.GetRequiredService<LocalLineageService>().Store;
}
