namespace LineageHub.Storage.Sqlite;

/// <summary>The SQLite store's messages; tests assert on the same texts.</summary>
internal static class SqliteMessages
{
    public static string NotADatabase(string path, string detail) =>
        $"the store {path} is not a readable LineageHub database (damaged or truncated?): {detail}";

    public static string HeadMismatch(long size) =>
        $"the stored ledger does not match its signed tree head at size {size}: entries or their hashes were changed outside LineageHub; run 'lineagehub ledger verify' for details";

    public static string BadHeadSignature(long size) =>
        $"the signed tree head at size {size} does not verify with this deployment's signing key";

    public static string BadFenceIndex(Core.Hashing.Digest batch, string what) =>
        $"consent batch {batch}: its stored records or their fence index are damaged ({what}); they were changed outside LineageHub";

    public static string NoFenceIndex(Core.Hashing.Digest batch) =>
        $"consent batch {batch} has no fence index, so its subjects cannot be looked up; it was stored or edited outside LineageHub";

    public static string NoEntry(long seq, long size) => $"no ledger entry {seq}: the ledger has {size} entries (0 to {size - 1})";
}
