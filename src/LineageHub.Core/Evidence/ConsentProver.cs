using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence;

/// <summary>
/// Answers <c>consentProof(modelVersion, purpose, asOf)</c>: walks the lineage as of the ledger position,
/// decides every subject of every source version, and packs what a verifier needs into a bundle.
/// </summary>
public static class ConsentProver
{
    public static async Task<EvidenceBundle> ProveAsync(ILineageStore store, IConsentEvidenceStore evidence, NodeKey modelVersion, string purpose, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(purpose))
        {
            throw LineageHubException.InvalidInput("a consent proof needs a purpose");
        }
        var head = await store.GetTreeHeadAsync(cancellationToken).ConfigureAwait(false);
        var size = asOf is { } time ? Math.Min(head.Size, await store.ResolveAsync(LedgerPosition.AtTime(time), cancellationToken).ConfigureAwait(false)) : head.Size;
        var facts = new StoreLineageFacts(store, size);
        var @case = await ConsentCaseBuilder.BuildAsync(facts, modelVersion, purpose, cancellationToken).ConfigureAwait(false);

        var sets = new Dictionary<Digest, SubjectSet>();
        foreach (var source in @case.Sources)
        {
            if (source.Subjects is { } reference && !sets.ContainsKey(reference.Root)
                && await evidence.GetSubjectSetAsync(reference.Root, cancellationToken).ConfigureAwait(false) is { } set)
            {
                sets[reference.Root] = set;
            }
        }
        var batches = new Dictionary<Digest, ConsentRecordBatch>();
        foreach (var batch in @case.Batches)
        {
            if (await evidence.GetConsentBatchAsync(batch.Root, cancellationToken).ConfigureAwait(false) is { } records)
            {
                batches[batch.Root] = records;
            }
        }
        var verdict = ConsentDecider.Decide(@case, sets, batches);

        var entries = new List<EvidenceEntry>(facts.Entries.Count);
        foreach (var seq in facts.Entries)
        {
            var entry = await store.GetEntryAsync(seq, cancellationToken).ConfigureAwait(false);
            var inclusion = await store.ProveInclusionAsync(seq, head.Size, cancellationToken).ConfigureAwait(false);
            entries.Add(new EvidenceEntry(seq, entry.Bytes, inclusion.Path));
        }
        return new EvidenceBundle(
            new EvidenceQuestion(modelVersion.ToString(), purpose, asOf, size),
            head,
            store.SigningPublicKeyPem,
            entries,
            [.. sets.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Value.ToBytes())],
            [.. batches.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Value.BytesArray)],
            verdict);
    }
}
