using System.Text;
using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Evidence;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Connectors.Consent.Tests.Scenario;

/// <summary>Issue 8's bank, end to end on the SQLite store, with 2,000 subjects (the benchmark runs it with 1,000,000).</summary>
public sealed class ConsentProofScenarioTests : IAsyncLifetime
{
    private const int Subjects = 2_000;
    private readonly TemporaryDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new(ConsentScenario.T0);
    private SqliteLineageStore _store = null!;
    private ConsentScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteLineageStore.Open(Path.Combine(_folder.Path, "data"), _clock);
        _scenario = new ConsentScenario(Subjects, Path.Combine(_folder.Path, "exports"), _clock, TestSecret.Pseudonymizer);
        await _scenario.BuildV1Async(_store, _store);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private Task<EvidenceBundle> ProveAsync(NodeKey model, DateTimeOffset? asOf = null) =>
        ConsentProver.ProveAsync(_store, _store, model, ConsentScenario.Purpose, asOf);

    private static HashSet<(string, string, ViolationReason)> Found(ConsentVerdict verdict) =>
        [.. verdict.Violations.Select(v => (v.Subject, v.Source!, v.Reason))];

    [Fact]
    public async Task V1_FailsWithExactlyTheSubjectsWithoutAValidBasisAtTrainingTime()
    {
        var verdict = (await ProveAsync(_scenario.ModelV1)).Verdict;

        Assert.Equal(ConsentVerdict.Fail, verdict.Outcome);
        Assert.Equal(ConsentScenario.T0.AddDays(10), verdict.DecisionTime);
        Assert.Equal(_scenario.ExpectedV1Violations(afterSecondExport: false), Found(verdict));
        Assert.Equal(80, verdict.Violations.Count);
        Assert.All(verdict.Violations, v => Assert.Contains("bank|" + v.Source, v.DatasetVersion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task V1_CountsPerSourceAndSaysWhichBasisCoveredTheVendors()
    {
        var verdict = (await ProveAsync(_scenario.ModelV1)).Verdict;

        Assert.Equal(7, verdict.Sources.Count);
        var bureau = Assert.Single(verdict.Sources, s => s.Source == "credit-bureau");
        Assert.Equal("contract", bureau.Basis);
        Assert.Equal(Subjects / 10, bureau.Covered);
        Assert.NotNull(bureau.Declaration);
        var loans = Assert.Single(verdict.Sources, s => s.Source == "loans");
        Assert.Equal("consent_records", loans.Basis);
        Assert.Equal(Subjects / 5, loans.Subjects);
        // Subjects 2 (mod 5) include i % 100 = 7 and 42: one "none" and one "withdrawn" per hundred.
        Assert.Equal((Subjects / 100, 0L, Subjects / 100, 0L), (loans.None, loans.Expired, loans.Withdrawn, loans.WrongPurpose));
        Assert.Equal(verdict.Violations.Count, verdict.Sources.Sum(s => s.None + s.Expired + s.Withdrawn + s.WrongPurpose));
    }

    [Fact]
    public async Task V1_AfterTheSecondExport_AlsoShowsWithdrawalsThatPrecededTraining_ButNotLaterOnes()
    {
        await _scenario.RecordWithdrawalsAsync(_store, _store);

        var now = (await ProveAsync(_scenario.ModelV1)).Verdict;
        var asKnownThen = (await ProveAsync(_scenario.ModelV1, ConsentScenario.T0.AddDays(12))).Verdict;

        Assert.Equal(_scenario.ExpectedV1Violations(afterSecondExport: true), Found(now));
        Assert.Equal(_scenario.ExpectedV1Violations(afterSecondExport: false), Found(asKnownThen));
    }

    [Fact]
    public async Task V2_RetrainedWithoutTheWithdrawnSubjects_Passes()
    {
        await _scenario.RecordWithdrawalsAsync(_store, _store);
        await _scenario.BuildV2Async(_store, _store);

        var verdict = (await ProveAsync(_scenario.ModelV2)).Verdict;

        Assert.Equal(ConsentVerdict.Pass, verdict.Outcome);
        Assert.Empty(verdict.Violations);
        Assert.Equal(ConsentScenario.T0.AddDays(26), verdict.DecisionTime);
        Assert.Equal((Subjects * 94 / 100) + (Subjects / 10) + (Subjects / 20), verdict.SubjectsChecked);
    }

    [Fact]
    public async Task ReimportingAnExport_ChangesNothing()
    {
        var again = await _scenario.ImportAsync(_store, _store, _scenario.FirstExport);

        Assert.False(again.Changed);
    }

    [Fact]
    public async Task AnInputWithNoSubjectSet_CannotBeProven_NeverPasses()
    {
        var legacy = new DatasetVersion("bank", "legacy-scores", Digest.Of("legacy"u8), SnapshotMode.Raw, 1, 1);
        var run = new Run(Guid.NewGuid(), "bank", "train-credit-model", RunStatus.Completed, ConsentScenario.T0.AddDays(11));
        var model = new ModelVersion("credit-model", "v1-legacy");
        await _store.AppendAsync(ChangeSet.Builder().Add(new Dataset("bank", "legacy-scores")).Add(legacy).Add(run).Add(model)
            .Link(EdgeKind.VersionOf, legacy.Key, new DatasetId("bank", "legacy-scores").Key)
            .Link(EdgeKind.Read, run.Key, legacy.Key)
            .Link(EdgeKind.Read, run.Key, _scenario.SourceVersion("cards", 1).Key)
            .Link(EdgeKind.Produced, run.Key, model.Key)
            .Build());

        var verdict = (await ProveAsync(model.Key)).Verdict;

        Assert.Equal(ConsentVerdict.CannotProve, verdict.Outcome);
        Assert.Equal([legacy.Key.ToString()], verdict.MissingSubjectSets);
        Assert.StartsWith(ConsentMessages.CannotProve, verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBundle_VerifiesOffline_AndSaysWhatItChecked()
    {
        var bytes = EvidenceBundleCodec.Encode(await ProveAsync(_scenario.ModelV1));

        var report = await EvidenceVerifier.VerifyAsync(bytes, _store.SigningPublicKeyPem);

        Assert.True(report.Valid, report.Failure);
        Assert.Equal(7, report.Checked.Count);
        Assert.Equal(ConsentVerdict.Fail, report.Verdict!.Outcome);
        Assert.Equal(80, report.Verdict.Violations.Count);
    }

    [Fact]
    public async Task TheBundle_StreamedToAFile_IsTheSameBytesAsEncoded()
    {
        var bundle = await ProveAsync(_scenario.ModelV1);
        using var stream = new MemoryStream();

        var length = EvidenceBundleCodec.WriteTo(bundle, stream);

        Assert.Equal(EvidenceBundleCodec.Encode(bundle), stream.ToArray());
        Assert.Equal(stream.Length, length);
    }

    [Fact]
    public async Task TheBundle_WithABytePastItsEnd_OrItsLastByteCut_FailsVerification()
    {
        var bytes = EvidenceBundleCodec.Encode(await ProveAsync(_scenario.ModelV1));

        var longer = await EvidenceVerifier.VerifyAsync([.. bytes, (byte)' ']);
        var shorter = await EvidenceVerifier.VerifyAsync(bytes[..^1]);

        Assert.False(longer.Valid);
        Assert.False(shorter.Valid);
    }

    [Fact]
    public async Task TheBundle_WithAnyOneByteChanged_FailsVerification()
    {
        var bytes = EvidenceBundleCodec.Encode(await ProveAsync(_scenario.ModelV1));
        var text = Encoding.UTF8.GetString(bytes);
        // A stride through the whole file, plus the first bytes of every section.
        var positions = Enumerable.Range(0, 300).Select(i => (int)((long)i * bytes.Length / 300))
            .Concat(new[] { "\"signature\"", "\"signingKey\"", "\"bytes\"", "\"path\"", "\"subjectSets\"", "\"consentBatches\"", "\"verdict\"", "\"violations\"" }
                .Select(marker => text.IndexOf(marker, StringComparison.Ordinal) + marker.Length + 6))
            .Distinct();
        foreach (var position in positions)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[position] ^= 0x01;

            var report = await EvidenceVerifier.VerifyAsync(tampered);

            Assert.False(report.Valid, $"a changed byte at {position} ({text[Math.Max(0, position - 20)..Math.Min(text.Length, position + 20)]}) passed");
        }
    }

    [Fact]
    public async Task TheBundle_SignedByAnotherKey_FailsAgainstTheKeyARegulatorKeeps()
    {
        var bytes = EvidenceBundleCodec.Encode(await ProveAsync(_scenario.ModelV1));
        using var other = TreeHeadSigner.Ephemeral();

        var report = await EvidenceVerifier.VerifyAsync(bytes, other.PublicKeyPem);

        Assert.False(report.Valid);
        Assert.Equal(EvidenceMessages.PinnedKeyMismatch, report.Failure);
    }

    [Fact]
    public async Task ABundleWhoseVerdictHidesAViolation_FailsVerification()
    {
        var bundle = await ProveAsync(_scenario.ModelV1);
        var forged = bundle with { Verdict = bundle.Verdict with { Outcome = ConsentVerdict.Pass, Violations = [] } };

        var report = await EvidenceVerifier.VerifyAsync(EvidenceBundleCodec.Encode(forged));

        Assert.Equal(EvidenceMessages.VerdictMismatch, report.Failure);
    }

    [Fact]
    public async Task ABundleLeavingOutAConsentBatch_FailsVerification()
    {
        await _scenario.RecordWithdrawalsAsync(_store, _store);
        var bundle = await ProveAsync(_scenario.ModelV1);
        var forged = bundle with { ConsentBatches = bundle.ConsentBatches.Take(1).ToArray() };

        var report = await EvidenceVerifier.VerifyAsync(EvidenceBundleCodec.Encode(forged));

        Assert.False(report.Valid);
        Assert.StartsWith("the consent batch ", report.Failure, StringComparison.Ordinal);
    }

    // Judging "now" on an earlier ledger position would leave out the withdrawals recorded since.
    [Fact]
    public async Task ABundleJudgingNowOnPartOfTheLog_FailsVerification()
    {
        var bundle = await ProveAsync(_scenario.ModelV1);
        var forged = bundle with { Question = bundle.Question with { LedgerSize = bundle.Question.LedgerSize - 1 } };

        var report = await EvidenceVerifier.VerifyAsync(EvidenceBundleCodec.Encode(forged));

        Assert.Equal(EvidenceMessages.QuestionShortOfHead(bundle.Question.LedgerSize - 1, bundle.TreeHead.Size), report.Failure);
    }
}
