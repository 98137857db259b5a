using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LineageHub.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    // GraphQL over HTTP 5.2.1: application/graphql-response+json when accepted, else application/json
    // (also for */* or no Accept header); anything else is 406.
    private static string? NegotiateMediaType(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0)
        {
            return JsonMediaType;
        }
        string? best = null;
        double bestQuality = -1;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0)
            {
                continue;
            }
            var type = value.MediaType.Value?.ToLowerInvariant();
            string? candidate = type switch
            {
                GraphQLResponseMediaType => GraphQLResponseMediaType,
                JsonMediaType or "application/*" or "*/*" => JsonMediaType,
                _ => null,
            };
            // Prefer the GraphQL response type on equal quality, as the spec recommends.
            if (candidate is not null && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseMediaType)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
