using LineageHub.Core;

namespace LineageHub.Security;

/// <summary>Role names as the CLI and the HTTP API spell them.</summary>
public static class ApiRoles
{
    public static ApiRole Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "reader" => ApiRole.Reader,
        "writer" => ApiRole.Writer,
        "auditor" => ApiRole.Auditor,
        "admin" => ApiRole.Admin,
        _ => throw LineageHubException.InvalidInput(SecurityMessages.UnknownRole(text ?? "")),
    };
}
