using LineageHub.Security;

namespace LineageHub.Api.Contracts;

/// <summary>An API key as listed: never the key itself, which only <see cref="CreatedApiKeyJson"/> carries, once.</summary>
public sealed record ApiKeyJson(string Id, string Role, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyJson From(ApiKeyRecord record) =>
        new(record.Id, ApiPrincipal.RoleName(record.Role), record.Name, record.CreatedAt, record.RevokedAt);
}
