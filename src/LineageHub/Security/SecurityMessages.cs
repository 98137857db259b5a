namespace LineageHub.Security;

/// <summary>The access-control messages, in one place so tests assert on the same wording.</summary>
public static class SecurityMessages
{
    public const string KeyRequired = "this server requires an API key: send it as Authorization: Bearer <key>";

    public const string KeyInvalid = "the API key is not valid: unknown, revoked or malformed";

    public const string NotBearer = "the Authorization header must be Bearer <key>";

    public static string Forbidden(ApiRole role, string what) =>
        $"an API key with the role {ApiPrincipal.RoleName(role)} may not {what}";

    public static string RefuseExposed(string url) =>
        $"refusing to listen on {url}: it is not a loopback address and no API key exists, so anyone who can reach it could write; create one with `lineagehub keys create --role admin` or pass --insecure-no-auth";

    public static string NotAUrl(string url) => $"'{url}' is not a URL to listen on (e.g. http://127.0.0.1:5080)";

    public static string NoSuchKey(string id) => $"no API key {id}";

    public static string KeyFileDamaged(string path, string reason) => $"the API key file {path} cannot be read: {reason}";

    public static string UnknownRole(string role) => $"unknown role '{role}' (expected reader, writer, auditor or admin)";
}
