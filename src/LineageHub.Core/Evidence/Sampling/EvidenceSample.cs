using LineageHub.Core.Ledger;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// A spot check of a consent proof (schema/consent.md, "Samples"): a reproducible random sample of the
/// subjects the verdict decided by consent records, each with an individual proof a regulator checks on its
/// own. It carries the bundle's question, signed tree head, key and ledger entries, so it stands alone; it
/// leaves out the subject sets and consent batches, which is what makes it small.
/// </summary>
public sealed record EvidenceSample(
    EvidenceQuestion Question,
    SignedTreeHead TreeHead,
    string SigningKeyPem,
    IReadOnlyList<EvidenceEntry> Entries,
    SampleDraw Draw,
    IReadOnlyList<SampledSubject> Subjects)
{
    /// <summary>The <c>format</c> member every sample starts with; also the first bytes hashed into its seed.</summary>
    public const string Format = "lineagehub-consent-sample/1";

    /// <summary>The most subjects one sample holds: a spot check, not a second bundle.</summary>
    public const int MaxSubjects = 10_000;
}
