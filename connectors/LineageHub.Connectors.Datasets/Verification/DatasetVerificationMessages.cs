namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>Every message dataset verification gives, in one place so tests assert on the same texts.</summary>
public static class DatasetVerificationMessages
{
    public static string Verified(string path) => $"{path}: the content still has its registered root";

    public static string Skipped(string path) => $"{path}: not re-read: size and modification time are as at the last successful verification (incremental mode)";

    public static string NoStorageUri => "the version has no storage URI, so there is nothing to re-read";

    public static string NotLocal(string uri) => $"{uri}: not a local path (only file: URIs and absolute paths are verified here)";

    public static string OutsideRoots(string uri, string path) => $"{uri}: {path} is outside the allowed roots, so it was not read";

    public static string NoRoots => "no allowed roots are configured, so no dataset file is read";

    public static string Missing(string path) => $"{path}: no such file or folder";

    public static string RootDiffers(string path, string stored, string now) => $"{path}: the root is {now}, registered {stored}";

    public static string SizeDiffers(long stored, long now) => $"size {now:N0} bytes, registered {stored:N0}";

    public static string ChunksDiffer(int count) => $"{count} chunk(s) differ";

    public static string NoStoredLeaves => "the registered metadata keeps no chunk list (more than 4096 chunks), so the changed chunks cannot be named";

    public static string FilesDiffer(int added, int removed, int changed) => $"{changed} file(s) changed, {added} added, {removed} removed";

    public static string SchemaDiffers(string stored, string now) => $"the columns are [{now}], registered [{stored}]";

    public static string NoLongerReads(string reason) => $"the content no longer reads as registered: {reason}";

    public static string NoSaltKey(string id) => $"the version was snapshotted with salt key {id}, which this verifier does not have";

    public static string WrongSaltKey(string id, string have) => $"the version was snapshotted with salt key {id}; this verifier has {have}";

    public static string UnknownMetadata(string reason) => $"the stored snapshot metadata cannot be used: {reason}";
}
