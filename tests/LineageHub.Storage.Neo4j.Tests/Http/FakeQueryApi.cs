using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>
/// A stand-in for Neo4j's Query API on 127.0.0.1, to check the requests our adapter sends. It records
/// every request and answers the adapter's named statements from a small in-memory model of the ledger
/// (committed state plus each open transaction's staged writes), so whole append sequences can run.
/// It is not Neo4j: it knows our statements by their text, not Cypher.
/// </summary>
public sealed partial class FakeQueryApi : IAsyncDisposable
{
    public const string User = "neo4j";
    public const string Password = "s3cret";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _statementNames;
    private readonly Dictionary<string, List<Action>> _transactions = [];
    private int _nextTransaction;

    public FakeQueryApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _statementNames = CypherCatalog.All.Values.ToDictionary(s => s.Text, s => s.Name, StringComparer.Ordinal);
        foreach (var (name, statements) in CypherCatalog.Migrations())
        {
            foreach (var statement in statements)
            {
                _statementNames.TryAdd(statement.Text, statement.Name);
            }
        }
    }

    public static string ExpectedAuthorization { get; } = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Decides, per request, whether to misbehave; null answers normally.</summary>
    public Func<RecordedRequest, Fault?> Faults { get; set; } = _ => null;

    public List<Dictionary<string, object?>> Entries { get; } = [];

    public HashSet<string> Migrations { get; } = new(StringComparer.Ordinal);

    public Neo4jConnectionOptions Options(int retries = 3) => new(Url)
    {
        User = User,
        Password = Password,
        RetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(5), retries)],
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_lock)
        {
            return [.. Requests];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private bool _stopped;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        var statement = body?["statement"]?.GetValue<string>();
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Headers.Authorization.FirstOrDefault(),
            request.Headers.Accept.FirstOrDefault(),
            request.ContentType,
            request.Headers[Neo4j.Http.QueryApiClient.AffinityHeader].FirstOrDefault(),
            body,
            statement is null ? null : _statementNames.GetValueOrDefault(statement, "(unknown statement)"));
        lock (_lock)
        {
            Requests.Add(recorded);
        }
        if (recorded.Authorization != ExpectedAuthorization)
        {
            await WriteAsync(context.Response, 401, Error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."), null);
            return;
        }
        var fault = Faults(recorded);
        switch (fault)
        {
            case Fault.DropConnection:
                context.Abort();
                return;
            case Fault.ServiceUnavailable:
                await WriteAsync(context.Response, 503, new JsonObject(), null);
                return;
            case Fault.TransientError:
                await WriteAsync(context.Response, 400, Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock detected while trying to acquire locks"), null);
                return;
        }
        var (status, answer, affinity) = Answer(recorded);
        if (fault == Fault.DropConnectionAfterApplying)
        {
            context.Abort();
            return;
        }
        await WriteAsync(context.Response, status, answer, affinity);
    }

    private static async Task WriteAsync(HttpResponse response, int status, JsonObject body, string? affinity)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (affinity is not null)
        {
            response.Headers[Neo4j.Http.QueryApiClient.AffinityHeader] = affinity;
        }
        await response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };

    private static JsonObject Data(string[] fields, IEnumerable<object?[]> rows)
    {
        var values = new JsonArray();
        foreach (var row in rows)
        {
            values.Add(new JsonArray([.. row.Select(v => JsonSerializer.SerializeToNode(v))]));
        }
        return new JsonObject { ["data"] = new JsonObject { ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]), ["values"] = values } };
    }
}
