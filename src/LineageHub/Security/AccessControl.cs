using LineageHub.Api;
using LineageHub.Api.Contracts;

namespace LineageHub.Security;

/// <summary>
/// Who may call what. A request to <c>/graphql</c> or <c>/api</c> carries <c>Authorization: Bearer KEY</c>
/// once any key exists; while none was ever created (or with <c>--insecure-no-auth</c>) access is open.
/// REST writes need a writer, ledger re-verification an auditor, key management an admin (admins may do
/// everything); GraphQL mutations are checked per operation by the GraphQL API. Every refusal is logged,
/// without the key.
/// </summary>
public sealed class AccessControl(ApiKeyStore keys, bool insecureNoAuth, ILogger logger)
{
    private const string PrincipalItem = "lineagehub.principal";

    public bool InsecureNoAuth => insecureNoAuth;

    /// <summary>The principal the middleware attached to a request (open access outside the guarded paths).</summary>
    public static ApiPrincipal PrincipalOf(HttpContext context) =>
        context.Items.TryGetValue(PrincipalItem, out var principal) && principal is ApiPrincipal p ? p : ApiPrincipal.Open;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/graphql", StringComparison.Ordinal) && !path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var (principal, failure) = Authenticate(context);
        if (principal is null)
        {
            Log(context, failure!, null);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(new ErrorJson("unauthorized", failure!), ApiJson.Options);
            return;
        }
        if (Required(context.Request) is { } need && !Allows(principal, need.Permission))
        {
            var message = SecurityMessages.Forbidden(principal.Role, need.What);
            Log(context, message, principal);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new ErrorJson("forbidden", message), ApiJson.Options);
            return;
        }
        context.Items[PrincipalItem] = principal;
        await next(context);
    }

    /// <summary>Logs a refusal decided elsewhere (a GraphQL mutation without write rights).</summary>
    public void LogRefusal(HttpContext? context, string reason, ApiPrincipal principal)
    {
        if (context is null)
        {
            logger.LogWarning("refused a request ({Role} key {KeyId}): {Reason}", ApiPrincipal.RoleName(principal.Role), principal.KeyId ?? "none", reason);
            return;
        }
        Log(context, reason, principal);
    }

    private (ApiPrincipal? Principal, string? Failure) Authenticate(HttpContext context)
    {
        if (insecureNoAuth)
        {
            return (ApiPrincipal.Open, null);
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return keys.AnyCreated ? (null, SecurityMessages.KeyRequired) : (ApiPrincipal.Open, null);
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, SecurityMessages.NotBearer);
        }
        var record = keys.Authenticate(header["Bearer ".Length..].Trim());
        return record is null ? (null, SecurityMessages.KeyInvalid) : (new ApiPrincipal(record.Id, record.Name, record.Role), null);
    }

    private static (Permission Permission, string What)? Required(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/keys", StringComparison.Ordinal))
        {
            return (Permission.ManageKeys, "manage API keys");
        }
        if (HttpMethods.IsPost(request.Method) && path.StartsWithSegments("/api/changesets", StringComparison.Ordinal))
        {
            return (Permission.Write, "append change sets");
        }
        if (HttpMethods.IsPost(request.Method) && path.StartsWithSegments("/api/runs", StringComparison.Ordinal))
        {
            return (Permission.Write, "register runs");
        }
        if (HttpMethods.IsPost(request.Method) && path.StartsWithSegments("/api/ledger/verify", StringComparison.Ordinal))
        {
            return (Permission.Audit, "re-verify the ledger");
        }
        return null;
    }

    private static bool Allows(ApiPrincipal principal, Permission permission) => permission switch
    {
        Permission.Write => principal.CanWrite,
        Permission.Audit => principal.CanAudit,
        _ => principal.CanManageKeys,
    };

    private void Log(HttpContext context, string reason, ApiPrincipal? principal) =>
        logger.LogWarning("refused {Method} {Path} from {Remote} ({Who}): {Reason}",
            context.Request.Method, context.Request.Path.Value, context.Connection.RemoteIpAddress,
            principal is null ? "no valid key" : $"{ApiPrincipal.RoleName(principal.Role)} key {principal.KeyId ?? "open"}", reason);

    private enum Permission
    {
        Write,
        Audit,
        ManageKeys,
    }
}
