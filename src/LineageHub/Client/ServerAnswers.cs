using System.Net.Http.Json;
using System.Text.Json;
using LineageHub.Api;
using LineageHub.Api.Contracts;
using LineageHub.Core;

namespace LineageHub.Client;

/// <summary>How the server's HTTP answers become results or <see cref="LineageHubException"/>s, for every client of its API.</summary>
internal static class ServerAnswers
{
    /// <summary>A client of the server that sends the API key in <c>$LINEAGEHUB_API_KEY</c>, if one is set.</summary>
    public static HttpClient CreateClient(Uri server, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = timeout };
        if (Environment.GetEnvironmentVariable(RemoteLineageService.ApiKeyVariable) is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return http;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new LineageHubException(ErrorCode.Unavailable, $"cannot reach the LineageHub server at {http.BaseAddress}: {ex.Message}", ex);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
                    ?? throw new LineageHubException(ErrorCode.Unavailable, "the server sent an empty answer");
            }
            ErrorJson? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync<ErrorJson>(ApiJson.Options, cancellationToken);
            }
            catch (JsonException)
            {
                // Not one of our error bodies (a proxy's page, say): report the status alone.
            }
            var code = error is not null && Enum.TryParse<ErrorCode>(error.Code.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed : ErrorCode.Unavailable;
            throw new LineageHubException(code, error?.Message ?? $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
