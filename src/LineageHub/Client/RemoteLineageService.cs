using System.Globalization;
using System.Net.Http.Json;
using LineageHub.Api;
using LineageHub.Api.Contracts;
using LineageHub.Core;

namespace LineageHub.Client;

/// <summary>Answers from a running server over its HTTP API; the server's errors come back as <see cref="LineageHubException"/>s with their code.</summary>
public sealed class RemoteLineageService : ILineageService
{
    private readonly HttpClient _http;

    public RemoteLineageService(Uri server)
    {
        _http = ServerAnswers.CreateClient(server, TimeSpan.FromMinutes(10));
    }

    /// <summary>The environment variable holding the API key sent to a server that requires one.</summary>
    public const string ApiKeyVariable = "LINEAGEHUB_API_KEY";

    public Task<TreeHeadJson> HeadAsync(CancellationToken cancellationToken) =>
        GetAsync<TreeHeadJson>("api/ledger/head", cancellationToken);

    public Task<InclusionProofJson> ProveInclusionAsync(long seq, long? treeSize, CancellationToken cancellationToken) =>
        GetAsync<InclusionProofJson>($"api/ledger/proofs/inclusion?seq={seq}" + (treeSize is { } s ? $"&treeSize={s}" : ""), cancellationToken);

    public Task<ConsistencyProofJson> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken) =>
        GetAsync<ConsistencyProofJson>($"api/ledger/proofs/consistency?from={fromSize}&to={toSize}", cancellationToken);

    public async Task<VerificationReportJson> VerifyAsync(CancellationToken cancellationToken) =>
        await ReadAsync<VerificationReportJson>(await SendAsync(() => _http.PostAsync("api/ledger/verify", null, cancellationToken)), cancellationToken);

    public Task<LineageJson> LineageAsync(LineageQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<string> { $"start={Uri.EscapeDataString(query.Start)}", $"direction={query.Direction}" };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parameters.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }
        Add("depth", query.Depth);
        Add("maxNodes", query.MaxNodes);
        Add("asOf", query.AsOf);
        Add("edgeKinds", query.EdgeKinds);
        Add("timeoutSeconds", query.TimeoutSeconds);
        return GetAsync<LineageJson>("api/lineage?" + string.Join('&', parameters), cancellationToken);
    }

    public async Task<NodeJson?> FindNodeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync<NodeJson>($"api/nodes?id={Uri.EscapeDataString(id)}", cancellationToken);
        }
        catch (LineageHubException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    public async Task<AppendResultJson> AppendAsync(byte[] changeSetJson, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(changeSetJson);
        content.Headers.ContentType = new("application/json");
        return await ReadAsync<AppendResultJson>(await SendAsync(() => _http.PostAsync("api/changesets", content, cancellationToken)), cancellationToken);
    }

    public async Task<AppendResultJson> RegisterRunAsync(RunRegistrationJson registration, CancellationToken cancellationToken) =>
        await ReadAsync<AppendResultJson>(await SendAsync(() => _http.PostAsJsonAsync("api/runs", registration, ApiJson.Options, cancellationToken)), cancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await ReadAsync<T>(await SendAsync(() => _http.GetAsync(path, cancellationToken)), cancellationToken);

    private Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send) => ServerAnswers.SendAsync(_http, send);

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) => ServerAnswers.ReadAsync<T>(response, cancellationToken);
}
