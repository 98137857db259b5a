namespace LineageHub.Security;

/// <summary>
/// Who a request acts as: the API key it carried (its id and role), or open access while the server
/// has no keys on loopback (or was started with <c>--insecure-no-auth</c>).
/// </summary>
public sealed record ApiPrincipal(string? KeyId, string? Name, ApiRole Role)
{
    /// <summary>The principal of every request while access is open.</summary>
    public static ApiPrincipal Open { get; } = new(null, null, ApiRole.Admin);

    public bool IsOpen => KeyId is null;

    public bool CanWrite => Role is ApiRole.Writer or ApiRole.Admin;

    public bool CanAudit => Role is ApiRole.Auditor or ApiRole.Admin;

    public bool CanManageKeys => Role is ApiRole.Admin;

    /// <summary>Who the ledger records as the author of this principal's writes.</summary>
    public string? Actor => KeyId is null ? null : $"api-key:{KeyId}" + (Name is null ? "" : $" ({Name})");

    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();
}
