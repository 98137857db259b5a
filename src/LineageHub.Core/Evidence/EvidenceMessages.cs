namespace LineageHub.Core.Evidence;

/// <summary>The messages of evidence bundles and their verification, so tests assert on the same text.</summary>
public static class EvidenceMessages
{
    public const string NotCanonical = "the bundle is not in its one byte form (schema/consent.md): something in it was changed after it was written";

    public const string BadSignature = "the tree head's signature does not verify with the bundle's signing key";

    public static string KeyIdMismatch(string keyId) => $"the tree head names key {keyId}, but the signing key given has another id";

    public static string PinnedKeyMismatch => "the bundle's signing key is not the public key you gave";

    public static string EntryNotIncluded(long seq, string failure) => $"ledger entry {seq} is not in the signed tree: {failure}";

    public static string EntrySeqMismatch(long claimed, long actual) => $"an entry listed as {claimed} encodes seq {actual}";

    public static string EntryAfterQuestion(long seq, long size) => $"ledger entry {seq} is not among the first {size} entries the question is judged on";

    public static string QuestionBeyondHead(long size, long headSize) => $"the question is judged on {size} entries but the tree head has only {headSize}";

    public static string QuestionShortOfHead(long size, long headSize) => $"the question has no time, so it is judged on the whole signed log of {headSize} entries, but the bundle judges it on {size}";

    public static string UnusedBlob(string what, string root) => $"the bundle carries {what} {root}, which no fact on the proof's path names";

    public static string BlobRootMismatch(string what, string root, string claimed) =>
        $"{what} {root} is named by the ledger as having {claimed}, but the bundle's copy differs";

    public const string VerdictMismatch = "the verdict in the bundle does not follow from its evidence";

}
