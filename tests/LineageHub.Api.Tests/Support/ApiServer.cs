using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LineageHub.Client;
using LineageHub.Hosting;
using LineageHub.Integrity;
using LineageHub.Security;
using LineageHub.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineageHub.Api.Tests.Support;

/// <summary>
/// The real server (Kestrel on a free 127.0.0.1 port) on a fresh store in a temporary folder, with a
/// read-counting store and the server's log captured, plus a client that speaks GraphQL over HTTP.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiServer(WebApplication app, string directory, CountingStore store, ApiKeyStore keys, Uri url, ConcurrentQueue<string> log)
    {
        _app = app;
        _directory = directory;
        Store = store;
        Keys = keys;
        Url = url;
        Log = log;
        Http = new HttpClient { BaseAddress = url };
    }

    public CountingStore Store { get; }

    /// <summary>The store's folder (the SQLite file is <c>lineage.db</c> in it).</summary>
    public string Directory => _directory;

    public WebApplication App => _app;

    public ApiKeyStore Keys { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    /// <summary>Every line the server logged.</summary>
    public ConcurrentQueue<string> Log { get; }

    /// <summary>
    /// Starts a server; scheduled verification is off unless <paramref name="verification"/> says otherwise, so
    /// no scheduled check adds ledger entries a test does not expect.
    /// </summary>
    public static async Task<ApiServer> StartAsync(bool insecureNoAuth = false, VerificationSettings? verification = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lineagehub-api-").FullName;
        var store = new CountingStore(SqliteLineageStore.Open(directory));
        var keys = ApiKeyStore.Open(directory);
        var log = new ConcurrentQueue<string>();
        var app = ServerHost.Build("http://127.0.0.1:0", new LocalLineageService(store, ownsStore: false), keys, insecureNoAuth,
            logging => logging.ClearProviders().AddProvider(new CapturingLoggerProvider(log)), verification ?? new VerificationSettings { Enabled = false });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServer(app, directory, store, keys, new Uri(address), log);
    }

    /// <summary>Posts a GraphQL request; the answer's status and body.</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts a query that must succeed without errors; its <c>data</c>.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? key = null)
    {
        var (status, body) = await PostAsync(query, variables, key);
        Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"status {status}: {body}");
        return body.GetProperty("data");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still holds the file; the temp cleaner takes it later.
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
