using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// Cuts a sample from a bundle (schema/consent.md, "Samples"): re-walks the lineage from the bundle's
/// entries, derives the positions from the signed tree head, the question and the challenge, and proves
/// each drawn subject from the bundle's subject sets and consent batches. It reads nothing but the bundle,
/// so the prover and any holder of the bundle cut the same sample.
/// </summary>
public static class EvidenceSampler
{
    public static async Task<EvidenceSample> CutAsync(EvidenceBundle bundle, int requested, string challenge = "", CancellationToken cancellationToken = default)
    {
        // Checked before any work, so a bad size is reported as such rather than after seconds of hashing.
        SampleDerivation.CheckChallenge(challenge);
        SampleDerivation.CheckSize(requested);
        var @case = await ConsentCaseBuilder.BuildAsync(new EntryLineageFacts(bundle.Entries.Select(e => LedgerEntryCodec.Decode(e.Bytes))), NodeKey.Parse(bundle.Question.ModelVersion), bundle.Question.Purpose, cancellationToken).ConfigureAwait(false);
        if (@case.DecisionTime is not { } time)
        {
            throw LineageHubException.InvalidInput(SampleMessages.NoDecisionTime);
        }
        var population = SampleDerivation.Population(@case);
        var size = population.Sum(s => s.Subjects);
        if (size == 0)
        {
            throw LineageHubException.InvalidInput(SampleMessages.EmptyPopulation);
        }
        var seed = SampleDerivation.Seed(bundle.TreeHead, bundle.Question, challenge);
        var positions = SampleDerivation.Positions(seed, size, requested);

        var sets = new Dictionary<Digest, SubjectSet>();
        foreach (var blob in bundle.SubjectSets)
        {
            var set = SubjectSet.FromSortedBytes(blob);
            sets.TryAdd(set.Root, set);
        }
        var stored = bundle.ConsentBatches.Select(ConsentRecordBatch.FromBytes).ToDictionary(b => b.Root);
        var batches = new List<SampledBatch>(@case.Batches.Count);
        foreach (var batch in @case.Batches)
        {
            batches.Add(new SampledBatch(stored.GetValueOrDefault(batch.Root)
                ?? throw LineageHubException.InvalidInput(SampleMessages.MissingBlob("consent batch", batch.Root.ToString()))));
        }

        var subjects = new List<SampledSubject>(positions.Length);
        foreach (var position in positions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (source, index) = SampleDerivation.Locate(population, position);
            var set = sets.GetValueOrDefault(source.SubjectSetRoot)
                ?? throw LineageHubException.InvalidInput(SampleMessages.MissingBlob("subject set", source.SubjectSetRoot.ToString()));
            var pseudonym = set.Members[checked((int)index)];
            var excerpts = batches.Select(b => b.Excerpt(pseudonym)).ToArray();
            var decision = ConsentDecider.DecideSubject(excerpts.SelectMany(e => e.Matching).Select(l => l.Bytes), bundle.Question.Purpose, time);
            subjects.Add(new SampledSubject(position, pseudonym, source.DatasetVersion, index, set.ProveMembership(pseudonym)!.Path, excerpts, decision));
        }
        return new EvidenceSample(bundle.Question, bundle.TreeHead, bundle.SigningKeyPem, bundle.Entries,
            new SampleDraw(requested, challenge, seed, time, population), subjects);
    }
}
