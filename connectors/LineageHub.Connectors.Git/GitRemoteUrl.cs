namespace LineageHub.Connectors.Git;

/// <summary>
/// A remote URL reduced to what identifies the repository: the ssh, scp-like and https spellings of
/// one repository (<c>git@host:org/repo.git</c>, <c>ssh://git@host:22/org/repo</c>,
/// <c>https://user:token@Host/org/repo.git</c>) all give the key <c>host/org/repo</c>.
/// </summary>
/// <param name="Host">Lower-case host name without user, password or port; empty for a local path.</param>
/// <param name="Path">Repository path without leading or trailing '/' and without a <c>.git</c> suffix (case kept).</param>
/// <param name="SanitizedUrl">The URL as given, with any password or token removed.</param>
public sealed record GitRemoteUrl(string Host, string Path, string SanitizedUrl)
{
    /// <summary>The identity key: <c>host/path</c>, or the absolute path for a repository on a local disk.</summary>
    public string Key => Host.Length == 0 ? "/" + Path : Host + "/" + Path;

    /// <summary>Normalises a remote URL as git accepts them (git-clone(1), "GIT URLS").</summary>
    /// <returns>False when <paramref name="url"/> is empty or has no repository path.</returns>
    public static bool TryParse(string? url, out GitRemoteUrl? remote)
    {
        remote = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var text = url.Trim();
        string host;
        string path;
        string sanitized;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = text[..schemeEnd].ToLowerInvariant();
            var rest = text[(schemeEnd + 3)..];
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest[..slash];
            path = slash < 0 ? string.Empty : rest[slash..];
            var at = authority.LastIndexOf('@');
            var userInfo = at < 0 ? null : authority[..at];
            var hostPort = at < 0 ? authority : authority[(at + 1)..];
            host = scheme == "file" ? string.Empty : StripPort(hostPort);
            sanitized = scheme + "://" + SanitizeUserInfo(scheme, userInfo) + hostPort + path;
        }
        else if (IsScpLike(text, out var scpUser, out var scpHost, out var scpPath))
        {
            host = scpHost;
            path = scpPath;
            sanitized = SanitizeUserInfo("ssh", scpUser) + scpHost + ":" + scpPath;
        }
        else
        {
            host = string.Empty;
            path = text;
            sanitized = text;
        }

        path = NormalizePath(path);
        if (path.Length == 0)
        {
            return false;
        }

        remote = new GitRemoteUrl(host.TrimEnd('.').ToLowerInvariant(), path, sanitized);
        return true;
    }

    /// <summary>Removes a password or token from a URL, keeping the rest as given.</summary>
    public static string Sanitize(string url) => TryParse(url, out var remote) ? remote!.SanitizedUrl : url;

    private static bool IsScpLike(string text, out string? user, out string host, out string path)
    {
        // git: "[user@]host:path" when a colon comes before any slash; a single letter before the colon
        // would be a Windows drive, which git treats as a local path.
        user = null;
        host = string.Empty;
        path = string.Empty;
        var colon = text.IndexOf(':');
        var slash = text.IndexOf('/');
        if (colon <= 0 || (slash >= 0 && slash < colon))
        {
            return false;
        }

        var authority = text[..colon];
        var at = authority.LastIndexOf('@');
        user = at < 0 ? null : authority[..at];
        host = at < 0 ? authority : authority[(at + 1)..];
        host = host.Trim('[', ']');
        path = text[(colon + 1)..];
        return host.Length > 1;
    }

    private static string StripPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            return close < 0 ? hostPort : hostPort[1..close];
        }

        // The port is dropped: ssh on 2222 and https on 443 are the same repository on one host.
        var colon = hostPort.IndexOf(':');
        return colon < 0 ? hostPort : hostPort[..colon];
    }

    private static string SanitizeUserInfo(string scheme, string? userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return string.Empty;
        }

        // Over http(s) the user part is as secret as the password (tokens travel as the user name).
        if (scheme is "http" or "https" or "ftp" or "ftps")
        {
            return string.Empty;
        }

        var colon = userInfo.IndexOf(':');
        return (colon < 0 ? userInfo : userInfo[..colon]) + "@";
    }

    private static string NormalizePath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join('/', segments);
        if (joined.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            joined = joined[..^4].TrimEnd('/');
        }

        return joined;
    }
}
