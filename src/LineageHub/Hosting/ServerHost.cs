using LineageHub.Api;
using LineageHub.Api.GraphQL;
using LineageHub.Cli;
using LineageHub.Client;
using LineageHub.Integrity;
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
    public static async Task<int> RunAsync(string urls, ILineageStore store, ApiKeyStore keys, bool insecureNoAuth, CancellationToken cancellationToken, string? dataDirectory = null)
    {
        await using var service = new LocalLineageService(store, ownsStore: true);
        await using var app = Build(urls, service, keys, insecureNoAuth, dataDirectory: dataDirectory);
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
    /// <remarks>
    /// Scheduled verification takes <paramref name="verification"/> when given, else the configuration's
    /// <c>Verification</c> section (appsettings.json, <c>Verification__*</c> environment variables); the salt key
    /// for table versions defaults to the one in <paramref name="dataDirectory"/>.
    /// </remarks>
    public static WebApplication Build(string urls, LocalLineageService service, ApiKeyStore keys, bool insecureNoAuth, Action<ILoggingBuilder>? logging = null, VerificationSettings? verification = null, string? dataDirectory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // ASP.NET Core logs four lines of every request at Information, which costs a busy server more than
        // the request; configuration (Logging__LogLevel__Microsoft.AspNetCore) can still turn them back on.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(service);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        logging?.Invoke(builder.Logging);
        var settings = verification ?? builder.Configuration.GetSection(VerificationSettings.Section).Get<VerificationSettings>() ?? new VerificationSettings();
        AddVerification(builder.Services, service.Store, settings, dataDirectory);
        var app = builder.Build();
        var access = new AccessControl(keys, insecureNoAuth, app.Logger);
        app.Use(access.InvokeAsync);
        HttpApi.Map(app);
        KeysApi.Map(app, keys);
        GraphQLApi.Map(app, GraphQLApi.CreateExecutor(service.Store, access, app.Services.GetRequiredService<IVerificationQueue>()));
        return app;
    }

    private static void AddVerification(IServiceCollection services, ILineageStore store, VerificationSettings settings, string? dataDirectory)
    {
        var saltKeyFile = settings.SaltKeyFile ?? (dataDirectory is null ? null : Path.Combine(dataDirectory, SnapshotSaltKeyFile.FileName));
        // The server never creates a salt key: without the one the versions were made with, table versions
        // verify as UNREADABLE, naming the key they need.
        var saltKey = saltKeyFile is not null && File.Exists(saltKeyFile) ? SnapshotSaltKeyFile.Load(saltKeyFile, dataDirectory) : null;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AlertDispatcher(settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("LineageHub.Integrity.Alerts")));
        services.AddSingleton(sp => new VerificationRunner(store, settings, saltKey, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AlertDispatcher>()));
        services.AddSingleton<VerificationScheduler>();
        services.AddSingleton<IVerificationQueue>(sp => sp.GetRequiredService<VerificationScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<VerificationScheduler>());
        // The host waits for hosted services a little longer than the scheduler waits for its jobs.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(0, settings.ShutdownTimeoutSeconds) + 15));
    }

    /// <summary>The store a built application serves.</summary>
    public static ILineageStore StoreOf(WebApplication app) => app.Services.GetRequiredService<LocalLineageService>().Store;
}
