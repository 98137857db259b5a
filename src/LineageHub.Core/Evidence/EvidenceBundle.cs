using LineageHub.Core.Consent;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Evidence;

/// <summary>
/// Everything a verifier needs to re-check a consent proof without trusting the server (schema/consent.md,
/// "Evidence bundle"): a signed tree head and its key, the ledger entries holding the lineage, consent
/// batches and declarations with their inclusion paths, the subject sets and batches those facts commit
/// to, and the verdict they imply.
/// </summary>
public sealed record EvidenceBundle(
    EvidenceQuestion Question,
    SignedTreeHead TreeHead,
    string SigningKeyPem,
    IReadOnlyList<EvidenceEntry> Entries,
    IReadOnlyList<byte[]> SubjectSets,
    IReadOnlyList<byte[]> ConsentBatches,
    ConsentVerdict Verdict)
{
    /// <summary>The <c>format</c> member every bundle starts with.</summary>
    public const string Format = "lineagehub-consent-evidence/1";
}
