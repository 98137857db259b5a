namespace LineageHub.Storage.Neo4j;

/// <summary>The Neo4j store's messages; tests assert on the same texts.</summary>
internal static class Neo4jMessages
{
    public static string Unreachable(Uri url, string detail) =>
        $"Neo4j is not reachable at {url}: {detail} (is the server up, with its Query API enabled?)";

    public static string Failed(Uri url, string detail) => $"Neo4j at {url} refused a request: {detail}";

    public static string GaveUp(Uri url, int attempts, string detail) =>
        $"Neo4j at {url} failed {attempts} times in a row; nothing was written by the failed attempts: {detail}";

    public static string NoEntry(long seq, long size) => $"no ledger entry {seq}: the ledger has {size} entries (0 to {size - 1})";

    public static string HeadMismatch(long size) =>
        $"the ledger in Neo4j does not match its signed tree head at size {size}: entries or their hashes were changed outside LineageHub; run 'lineagehub ledger verify' for details";

    public static string BadHeadSignature(long size, string keyId) =>
        $"the signed tree head at size {size} was signed by key {keyId}, not this server's key: every server over one Neo4j needs the same {Core.Ledger.TreeHeadSigner.KeyFileName}";

    public static string NotMigrated(string detail) => $"the Neo4j database has not been prepared for LineageHub: {detail}";
}
