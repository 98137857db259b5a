using System.Net;
using LineageHub.Core;

namespace LineageHub.Security;

/// <summary>Where the server may listen: loopback always; any other address only with a key or <c>--insecure-no-auth</c>.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs that are not on the loopback interface.</summary>
    public static IReadOnlyList<string> NonLoopback(string urls)
    {
        var exposed = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw LineageHubException.InvalidInput(SecurityMessages.NotAUrl(url));
            }
            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                exposed.Add(url);
            }
        }
        return exposed;
    }

    /// <summary>Refuses a non-loopback address unless a key exists or authentication was knowingly switched off.</summary>
    public static void Check(string urls, ApiKeyStore keys, bool insecureNoAuth)
    {
        var exposed = NonLoopback(urls);
        if (exposed.Count > 0 && !insecureNoAuth && !keys.List().Any(k => !k.IsRevoked))
        {
            throw LineageHubException.InvalidInput(SecurityMessages.RefuseExposed(exposed[0]));
        }
    }
}
