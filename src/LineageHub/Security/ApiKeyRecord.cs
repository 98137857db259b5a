namespace LineageHub.Security;

/// <summary>A stored API key: its public id, role and optional name, and the SHA-256 of the key (never the key itself).</summary>
public sealed record ApiKeyRecord(string Id, ApiRole Role, string? Name, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
