using Microsoft.AspNetCore.Http;

namespace LineageHub.GraphQL.Http;

/// <summary>Transport settings of a GraphQL-over-HTTP endpoint.</summary>
public sealed record GraphQLHttpOptions
{
    /// <summary>Largest accepted request body (POST) or query string (GET), in bytes; larger requests get 413.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Time one request may execute before it is cancelled and answered with a timeout error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether GET requests may run queries (mutations over GET are always refused with 405).</summary>
    public bool AllowGet { get; init; } = true;

    /// <summary>Whether a browser asking for HTML at the endpoint gets the GraphiQL IDE.</summary>
    public bool EnableGraphiQL { get; init; } = true;

    /// <summary>
    /// Where the browser loads GraphiQL's scripts and styles from: a CDN that serves npm packages by path
    /// (<c>{base}/graphiql@3.7.1/graphiql.min.js</c> and so on). Point it at a self-hosted copy for offline use.
    /// </summary>
    public string GraphiQLAssetsBaseUrl { get; init; } = "https://cdn.jsdelivr.net/npm";

    /// <summary>Builds <see cref="Execution.GraphQLRequest.UserContext"/> from the HTTP request (e.g. the signed-in user).</summary>
    public Func<HttpContext, object?>? UserContext { get; init; }
}
