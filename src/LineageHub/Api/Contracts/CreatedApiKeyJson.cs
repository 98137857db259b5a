namespace LineageHub.Api.Contracts;

/// <summary>A key just created: the only time the key is shown.</summary>
public sealed record CreatedApiKeyJson(string Id, string Role, string? Name, DateTimeOffset CreatedAt, string Key);
