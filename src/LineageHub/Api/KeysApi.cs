using LineageHub.Api.Contracts;
using LineageHub.Core;
using LineageHub.Security;

namespace LineageHub.Api;

/// <summary>Key management over HTTP, for admins: <c>GET /api/keys</c>, <c>POST /api/keys</c> (the key is in the answer, once), <c>DELETE /api/keys/{id}</c>.</summary>
public static class KeysApi
{
    public static void Map(WebApplication app, ApiKeyStore keys)
    {
        app.MapGet("/api/keys", () => Results.Json(keys.List().Select(ApiKeyJson.From).ToList(), ApiJson.Options));
        app.MapPost("/api/keys", async (HttpContext context) =>
        {
            var request = await context.Request.ReadFromJsonAsync<CreateApiKeyRequest>(ApiJson.Options, context.RequestAborted)
                ?? throw LineageHubException.InvalidInput("the body must be {\"role\": \"reader|writer|auditor|admin\", \"name\": …}");
            var (record, key) = keys.Create(ApiRoles.Parse(request.Role), request.Name);
            return Results.Json(new CreatedApiKeyJson(record.Id, ApiPrincipal.RoleName(record.Role), record.Name, record.CreatedAt, key), ApiJson.Options);
        });
        app.MapDelete("/api/keys/{id}", (string id) => Results.Json(ApiKeyJson.From(keys.Revoke(id)), ApiJson.Options));
    }
}
