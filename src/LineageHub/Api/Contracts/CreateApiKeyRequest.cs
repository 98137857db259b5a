namespace LineageHub.Api.Contracts;

/// <summary>The body of <c>POST /api/keys</c>.</summary>
public sealed record CreateApiKeyRequest(string Role, string? Name);
