using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// Checks a sample on its own, trusting nothing in it but the signing key (schema/consent.md, "Verifying a
/// sample"): its byte form, the tree head, every entry's inclusion, the lineage walk, the draw — seed,
/// population and positions, recomputed — and each subject's individual proof. Given the bundle it was
/// cut from, it also checks the bundle and that every sampled decision is the verdict's.
/// </summary>
public static partial class EvidenceSampleVerifier
{
    /// <summary>
    /// Verifies <paramref name="sampleBytes"/>; with <paramref name="trustedKeyPem"/> it must be signed by that
    /// key, with <paramref name="bundleBytes"/> cut from that bundle, with <paramref name="challenge"/> drawn with it.
    /// </summary>
    public static Task<EvidenceReport> VerifyAsync(byte[] sampleBytes, string? trustedKeyPem = null, byte[]? bundleBytes = null, string? challenge = null, CancellationToken cancellationToken = default) =>
        CheckAsync(sampleBytes, trustedKeyPem, challenge, bundleBytes is null ? null : sample => BundleCheckAsync(sample, bundleBytes, trustedKeyPem, cancellationToken), cancellationToken);

    /// <summary>
    /// <c>evidence verify BUNDLE --sample N</c>: verifies the bundle, cuts the sample of <paramref name="requested"/>
    /// subjects from it and checks each individual proof as a holder of the sample alone would. Returns the
    /// checks of both, and the sample when the bundle verified.
    /// </summary>
    public static async Task<(EvidenceReport Report, EvidenceSample? Sample)> VerifyBundleSampleAsync(byte[] bundleBytes, int requested, string? trustedKeyPem = null, string challenge = "", CancellationToken cancellationToken = default)
    {
        SampleDerivation.CheckSize(requested);
        SampleDerivation.CheckChallenge(challenge);
        EvidenceBundle bundle;
        try
        {
            bundle = EvidenceBundleCodec.Decode(bundleBytes);
        }
        catch (LineageHubException ex)
        {
            return (new EvidenceReport(false, [], ex.Message, null), null);
        }
        var bundleReport = await EvidenceVerifier.VerifyDecodedAsync(bundle, bundleBytes.Length, trustedKeyPem, cancellationToken).ConfigureAwait(false);
        if (!bundleReport.Valid)
        {
            return (bundleReport, null);
        }
        var sample = await EvidenceSampler.CutAsync(bundle, requested, challenge, cancellationToken).ConfigureAwait(false);
        var report = await CheckAsync(EvidenceSampleCodec.Encode(sample), trustedKeyPem, challenge,
            s => Task.FromResult(Difference(s, bundle) is { } what ? (SampleMessages.OtherBundle(what), (EvidenceReport?)null) : ((string?)null, bundleReport)), cancellationToken).ConfigureAwait(false);
        return (report with { Checked = [.. bundleReport.Checked, .. report.Checked] }, sample);
    }

    private static async Task<EvidenceReport> CheckAsync(byte[] sampleBytes, string? trustedKeyPem, string? challenge, Func<EvidenceSample, Task<(string? Failure, EvidenceReport? Report)>>? bundleCheck, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        EvidenceReport Fail(string failure) => new(false, done, failure, null);

        EvidenceSample sample;
        try
        {
            sample = EvidenceSampleCodec.Decode(sampleBytes);
        }
        catch (LineageHubException ex)
        {
            return Fail(ex.Message);
        }
        done.Add($"the sample is in its one byte form ({sampleBytes.Length:N0} bytes, {EvidenceSample.Format})");

        ConsentVerdict? verdict = null;
        if (bundleCheck is not null)
        {
            var (failure, report) = await bundleCheck(sample).ConfigureAwait(false);
            if (failure is not null)
            {
                return Fail(failure);
            }
            verdict = report!.Verdict;
            done.Add($"the bundle verifies (verdict {verdict!.Outcome}) and the sample was cut from it: the same question, tree head, key and {sample.Entries.Count} ledger entries");
        }

        var head = sample.TreeHead;
        if (EvidenceVerifier.KeyCheck(sample.SigningKeyPem, head, trustedKeyPem) is { } keyFailure)
        {
            return Fail(keyFailure);
        }
        done.Add($"the tree head (size {head.Size}, root {head.Root}) is signed by key {head.KeyId}{(trustedKeyPem is null ? " (the sample's own key: compare its id with the one you keep)" : ", the key you gave")}");

        var size = sample.Question.LedgerSize;
        if (size > head.Size || size < 0)
        {
            return Fail(EvidenceMessages.QuestionBeyondHead(size, head.Size));
        }
        var entries = new List<LedgerEntry>(sample.Entries.Count);
        foreach (var evidence in sample.Entries)
        {
            if (EvidenceVerifier.EntryCheck(evidence, head, size, out var entry) is { } entryFailure)
            {
                return Fail(entryFailure);
            }
            entries.Add(entry!);
        }
        done.Add($"{entries.Count} ledger entries are in the signed tree (RFC 9162 inclusion proofs) and among its first {size}");

        ConsentCase @case;
        try
        {
            @case = await ConsentCaseBuilder.BuildAsync(new EntryLineageFacts(entries), NodeKey.Parse(sample.Question.ModelVersion), sample.Question.Purpose, cancellationToken).ConfigureAwait(false);
        }
        catch (LineageHubException ex)
        {
            return Fail($"the lineage cannot be walked from the sample's entries: {ex.Message}");
        }
        done.Add($"the lineage of {sample.Question.ModelVersion} was re-walked from those entries: {@case.Sources.Count} source dataset versions, {@case.Batches.Count} consent batches");

        if (DrawCheck(sample, @case, challenge, out var positions) is { } drawFailure)
        {
            return Fail(drawFailure);
        }
        var draw = sample.Draw;
        done.Add($"the draw was recomputed: seed {draw.Seed} from the tree head, the question and {(draw.Challenge.Length == 0 ? "no challenge" : $"the challenge '{draw.Challenge}'")}; {positions.Length:N0} positions of {draw.PopulationSize:N0} subjects in {draw.Population.Count} sources decided by consent records, decided at {LedgerEntryCodec.FormatTime(draw.DecisionTime)}");
        if (draw.Requested > positions.Length)
        {
            done.Add(SampleMessages.TookAll(draw.Requested, draw.PopulationSize));
        }

        var violations = verdict?.Violations.ToDictionary(v => (v.Subject, v.DatasetVersion), v => v.Reason);
        for (var i = 0; i < sample.Subjects.Count; i++)
        {
            var subject = sample.Subjects[i];
            if (SubjectCheck(sample, @case, subject, violations, out var described) is { } subjectFailure)
            {
                return Fail(SampleMessages.Subject(i + 1, subject.Position, subject.Pseudonym.ToString(), subjectFailure));
            }
            done.Add($"subject {i + 1}/{sample.Subjects.Count}: {described}");
        }
        var covered = sample.Subjects.Count(s => s.Decision is null);
        done.Add($"{sample.Subjects.Count:N0} individual proofs check: {covered:N0} covered, {sample.Subjects.Count - covered:N0} violations{(verdict is null ? "" : ", each as the bundle's verdict says")}");
        return new EvidenceReport(true, done, null, verdict);
    }

    private static async Task<(string? Failure, EvidenceReport? Report)> BundleCheckAsync(EvidenceSample sample, byte[] bundleBytes, string? trustedKeyPem, CancellationToken cancellationToken)
    {
        EvidenceBundle bundle;
        try
        {
            bundle = EvidenceBundleCodec.Decode(bundleBytes);
        }
        catch (LineageHubException ex)
        {
            return (SampleMessages.BundleInvalid(ex.Message), null);
        }
        // Compared before the bundle is verified: a sample of another bundle is told as such, at once.
        if (Difference(sample, bundle) is { } what)
        {
            return (SampleMessages.OtherBundle(what), null);
        }
        var report = await EvidenceVerifier.VerifyDecodedAsync(bundle, bundleBytes.Length, trustedKeyPem, cancellationToken).ConfigureAwait(false);
        return report.Valid ? (null, report) : (SampleMessages.BundleInvalid(report.Failure!), null);
    }

    private static string? Difference(EvidenceSample sample, EvidenceBundle bundle)
    {
        static string Asked(EvidenceQuestion q) => $"{q.ModelVersion} for '{q.Purpose}' on the first {q.LedgerSize} entries";
        if (sample.Question != bundle.Question)
        {
            return $"questions ({Asked(sample.Question)} in the sample; {Asked(bundle.Question)} in the bundle)";
        }
        var (a, b) = (sample.TreeHead, bundle.TreeHead);
        if (a.Size != b.Size || a.Root != b.Root || a.Time != b.Time || a.KeyId != b.KeyId || !a.Signature.AsSpan().SequenceEqual(b.Signature) || sample.SigningKeyPem != bundle.SigningKeyPem)
        {
            return $"signed tree heads (size {a.Size}, root {a.Root} in the sample; size {b.Size}, root {b.Root} in the bundle)";
        }
        if (sample.Entries.Count != bundle.Entries.Count || sample.Entries.Zip(bundle.Entries).Any(p =>
            p.First.Seq != p.Second.Seq || !p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes) || !p.First.Path.SequenceEqual(p.Second.Path)))
        {
            return "ledger entries";
        }
        return null;
    }

    private static string? DrawCheck(EvidenceSample sample, ConsentCase @case, string? challenge, out long[] positions)
    {
        positions = [];
        var draw = sample.Draw;
        if (challenge is not null && challenge != draw.Challenge)
        {
            return SampleMessages.ChallengeMismatch(challenge, draw.Challenge);
        }
        if (@case.DecisionTime is not { } time)
        {
            return SampleMessages.NoDecisionTime;
        }
        if (time != draw.DecisionTime)
        {
            return SampleMessages.DecisionTimeMismatch(LedgerEntryCodec.FormatTime(draw.DecisionTime), LedgerEntryCodec.FormatTime(time));
        }
        if (!SampleDerivation.Population(@case).SequenceEqual(draw.Population))
        {
            return SampleMessages.PopulationMismatch;
        }
        try
        {
            if (SampleDerivation.Seed(sample.TreeHead, sample.Question, draw.Challenge) != draw.Seed)
            {
                return SampleMessages.SeedMismatch;
            }
            positions = SampleDerivation.Positions(draw.Seed, draw.PopulationSize, draw.Requested);
        }
        catch (LineageHubException ex)
        {
            return ex.Message;
        }
        if (draw.PopulationSize == 0)
        {
            return SampleMessages.EmptyPopulation;
        }
        return positions.SequenceEqual(sample.Subjects.Select(s => s.Position)) ? null : SampleMessages.WrongSubjects(positions.Length, sample.Subjects.Count);
    }
}
