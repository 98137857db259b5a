using System.Net.Http.Json;
using LineageHub.Api;
using LineageHub.Api.Contracts;
using LineageHub.Core;

namespace LineageHub.Client;

/// <summary>
/// A running server's API keys, managed over <c>/api/keys</c> with an admin key from
/// <c>$LINEAGEHUB_API_KEY</c>; the server's refusals come back as <see cref="LineageHubException"/>s with their code.
/// </summary>
public sealed class RemoteApiKeys : IDisposable
{
    private readonly HttpClient _http;

    public RemoteApiKeys(Uri server)
    {
        _http = ServerAnswers.CreateClient(server, TimeSpan.FromMinutes(1));
    }

    public async Task<List<ApiKeyJson>> ListAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<ApiKeyJson>>(await SendAsync(() => _http.GetAsync("api/keys", cancellationToken)), cancellationToken);

    public async Task<CreatedApiKeyJson> CreateAsync(string role, string? name, CancellationToken cancellationToken) =>
        await ReadAsync<CreatedApiKeyJson>(await SendAsync(() => _http.PostAsJsonAsync("api/keys", new CreateApiKeyRequest(role, name), ApiJson.Options, cancellationToken)), cancellationToken);

    public async Task<ApiKeyJson> RevokeAsync(string id, CancellationToken cancellationToken) =>
        await ReadAsync<ApiKeyJson>(await SendAsync(() => _http.DeleteAsync("api/keys/" + Uri.EscapeDataString(id), cancellationToken)), cancellationToken);

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send) => ServerAnswers.SendAsync(_http, send);

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) => ServerAnswers.ReadAsync<T>(response, cancellationToken);
}
