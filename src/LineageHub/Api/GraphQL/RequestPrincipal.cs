using LineageHub.Security;

namespace LineageHub.Api.GraphQL;

/// <summary>The GraphQL user context: who the request acts as, and the HTTP request (for logging refusals).</summary>
public sealed record RequestPrincipal(ApiPrincipal Principal, HttpContext? Http);
