using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Http;

/// <summary>
/// Neo4j's HTTP Query API (Neo4j 5.19 and later): statements in implicit transactions at
/// <c>POST /db/DB/query/v2</c>, explicit transactions at <c>/db/DB/query/v2/tx</c> (open),
/// <c>/tx/ID</c> (run; DELETE rolls back) and <c>/tx/ID/commit</c>. Plain JSON in and out, HTTP Basic
/// authentication, and the cluster affinity header echoed on every request of a transaction.
/// Requests in implicit transactions and transaction opens are retried on transient failures; a
/// statement inside an explicit transaction is not, since the transaction is lost with it — the caller
/// retries the whole transaction.
/// </summary>
public sealed class QueryApiClient : IDisposable
{
    /// <summary>The header the Query API returns when a transaction opens, to be sent back with each of its requests.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient _http;
    private readonly string _queryPath;

    public QueryApiClient(Neo4jConnectionOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        // No handler is shared: a caller's handler is disposed by the caller.
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = options.Url;
        _http.Timeout = options.RequestTimeout;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.User is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        _queryPath = $"/db/{Uri.EscapeDataString(options.Database)}/query/v2";
    }

    public Neo4jConnectionOptions Options { get; }

    /// <summary>Runs one statement in its own (implicit) transaction, retrying transient failures: for reads and idempotent schema commands.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statement.CheckParameters(parameters);
        var body = Body(statement, parameters);
        return RetryAsync(async ct => (await SendAsync(HttpMethod.Post, _queryPath, body, null, ct).ConfigureAwait(false)).Result, cancellationToken);
    }

    /// <summary>Opens an explicit transaction (retried: an open that failed holds nothing).</summary>
    public Task<QueryApiTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        RetryAsync(async ct =>
        {
            var (_, root, affinity) = await SendAsync(HttpMethod.Post, $"{_queryPath}/tx", null, null, ct).ConfigureAwait(false);
            var id = root.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            if (string.IsNullOrEmpty(id))
            {
                throw new QueryApiException("the Query API opened a transaction but sent no transaction id", HttpStatusCode.Accepted, null, isTransient: false);
            }
            return new QueryApiTransaction(this, $"{_queryPath}/tx/{Uri.EscapeDataString(id)}", affinity);
        }, cancellationToken);

    /// <summary>Runs <paramref name="attempt"/>, again after each delay of <see cref="Neo4jConnectionOptions.RetryDelays"/> while it fails transiently.</summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var tried = 0; ; tried++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (QueryApiException ex) when (ex.IsTransient && tried < Options.RetryDelays.Count)
            {
                await Task.Delay(Options.RetryDelays[tried], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static byte[] Body(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["statement"] = statement.Text,
            ["parameters"] = parameters ?? new Dictionary<string, object?>(),
        });

    internal async Task<(QueryResult Result, JsonElement Root, string? Affinity)> SendAsync(HttpMethod method, string path, byte[]? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonType;
        }
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new QueryApiException(ex.Message, null, null, isTransient: true, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryApiException($"no answer within {Options.RequestTimeout.TotalSeconds:0.#} s", null, null, isTransient: true, ex);
        }
        using (response)
        {
            byte[] bytes;
            try
            {
                bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new QueryApiException(ex.Message, null, null, isTransient: true, ex);
            }
            var root = ParseBody(bytes, response.StatusCode);
            var (code, message) = FirstError(root);
            if (!response.IsSuccessStatusCode || code is not null)
            {
                var transient = QueryApiException.IsTransientStatus(response.StatusCode) || QueryApiException.IsTransientCode(code);
                var text = code is null ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" : $"{code}: {message}";
                throw new QueryApiException(text, response.StatusCode, code, transient);
            }
            var returnedAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (QueryResult.Parse(root), root, returnedAffinity ?? affinity);
        }
    }

    private static JsonElement ParseBody(byte[] bytes, HttpStatusCode status)
    {
        if (bytes.Length == 0)
        {
            return default;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // A proxy's HTML error page, say: transient if its status says so.
            throw new QueryApiException($"HTTP {(int)status} with a body that is not JSON: {ex.Message}", status, null, QueryApiException.IsTransientStatus(status), ex);
        }
    }

    private static (string? Code, string? Message) FirstError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }
        foreach (var error in errors.EnumerateArray())
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (code ?? "Neo.DatabaseError.General.UnknownError", message);
        }
        return (null, null);
    }

    public void Dispose() => _http.Dispose();
}
