using System.Text;
using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Evidence;
using LineageHub.Core.Evidence.Sampling;
using LineageHub.Core.Hashing;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Connectors.Consent.Tests.Scenario;

/// <summary>Samples of issue 8's bank (2,000 subjects): drawn reproducibly, each subject's proof checked alone.</summary>
public sealed partial class ConsentSampleScenarioTests : IAsyncLifetime
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
        await _scenario.RecordWithdrawalsAsync(_store, _store);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private Task<EvidenceBundle> ProveAsync() => ConsentProver.ProveAsync(_store, _store, _scenario.ModelV1, ConsentScenario.Purpose, null);

    private static async Task<byte[]> CutAsync(EvidenceBundle bundle, int size, string challenge = "") =>
        EvidenceSampleCodec.Encode(await EvidenceSampler.CutAsync(bundle, size, challenge));

    [Fact]
    public async Task ASample_CutTwice_IsTheSameBytes()
    {
        var bundle = await ProveAsync();

        var first = await CutAsync(bundle, 25);
        var second = await CutAsync(EvidenceBundleCodec.Decode(EvidenceBundleCodec.Encode(bundle)), 25);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ASample_VerifiesOnItsOwn_AndSaysWhatItCheckedPerSubject()
    {
        var bundle = await ProveAsync();
        var bytes = await CutAsync(bundle, 25);

        var report = await EvidenceSampleVerifier.VerifyAsync(bytes, _store.SigningPublicKeyPem);

        Assert.True(report.Valid, report.Failure);
        Assert.Equal(25, report.Checked.Count(c => c.StartsWith("subject ", StringComparison.Ordinal)));
        Assert.Contains(report.Checked, c => c.StartsWith("subject 25/25: ", StringComparison.Ordinal) && c.Contains("batch ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASample_AgreesWithTheVerdictOfItsBundle()
    {
        var bundle = await ProveAsync();
        var sample = await EvidenceSampler.CutAsync(bundle, 200);

        var report = await EvidenceSampleVerifier.VerifyAsync(EvidenceSampleCodec.Encode(sample), bundleBytes: EvidenceBundleCodec.Encode(bundle));

        Assert.True(report.Valid, report.Failure);
        var violations = bundle.Verdict.Violations.ToDictionary(v => (v.Subject, v.DatasetVersion), v => (ViolationReason?)v.Reason);
        Assert.All(sample.Subjects, s => Assert.Equal(violations.GetValueOrDefault((s.Pseudonym.ToString(), s.DatasetVersion)), s.Decision));
        Assert.Contains(sample.Subjects, s => s.Decision is not null);
        // Vendors' subjects are covered by their agreements, so only the internal sources are drawn from.
        Assert.Equal(Subjects, sample.Draw.PopulationSize);
        Assert.Equal(ConsentScenario.Internal.Count, sample.Draw.Population.Count);
    }

    [Fact]
    public async Task ANewTreeHead_DrawsOtherSubjects()
    {
        var before = await EvidenceSampler.CutAsync(await ProveAsync(), 20);
        await _scenario.BuildV2Async(_store, _store);

        var after = await EvidenceSampler.CutAsync(await ProveAsync(), 20);

        Assert.NotEqual(before.TreeHead.Root, after.TreeHead.Root);
        Assert.NotEqual(before.Draw.Seed, after.Draw.Seed);
        Assert.NotEqual(before.Subjects.Select(s => s.Position), after.Subjects.Select(s => s.Position));
    }

    [Fact]
    public async Task AChallenge_DrawsOtherSubjects_AndMustBeTheOneGivenWhenChecked()
    {
        var bundle = await ProveAsync();
        var plain = await EvidenceSampler.CutAsync(bundle, 20);
        var challenged = EvidenceSampleCodec.Encode(await EvidenceSampler.CutAsync(bundle, 20, "BaFin ref 2026-117"));

        var right = await EvidenceSampleVerifier.VerifyAsync(challenged, challenge: "BaFin ref 2026-117");
        var wrong = await EvidenceSampleVerifier.VerifyAsync(challenged, challenge: "BaFin ref 2026-118");

        Assert.NotEqual(plain.Subjects.Select(s => s.Position), EvidenceSampleCodec.Decode(challenged).Subjects.Select(s => s.Position));
        Assert.True(right.Valid, right.Failure);
        Assert.Equal(SampleMessages.ChallengeMismatch("BaFin ref 2026-118", "BaFin ref 2026-117"), wrong.Failure);
    }

    [Fact]
    public async Task AskingForMoreThanThereAre_TakesAll_AndSaysSo()
    {
        var bundle = await ProveAsync();

        var (report, sample) = await EvidenceSampleVerifier.VerifyBundleSampleAsync(EvidenceBundleCodec.Encode(bundle), EvidenceSample.MaxSubjects);

        Assert.True(report.Valid, report.Failure);
        Assert.Equal(Subjects, sample!.Subjects.Count);
        Assert.Equal(Enumerable.Range(0, Subjects).Select(i => (long)i), sample.Subjects.Select(s => s.Position));
        Assert.Contains(SampleMessages.TookAll(EvidenceSample.MaxSubjects, Subjects), report.Checked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(EvidenceSample.MaxSubjects + 1)]
    public async Task ABadSampleSize_IsAClearError(int size)
    {
        var bundle = await ProveAsync();

        var error = await Assert.ThrowsAsync<LineageHubException>(() => EvidenceSampler.CutAsync(bundle, size));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Equal(size < 1 ? SampleMessages.SizeTooSmall(size) : SampleMessages.SizeTooLarge(size, EvidenceSample.MaxSubjects), error.Message);
    }

    [Fact]
    public async Task ASampleOfAnotherBundle_IsRefused()
    {
        var earlier = await ProveAsync();
        var sample = await CutAsync(earlier, 10);
        await _scenario.BuildV2Async(_store, _store);
        var later = EvidenceBundleCodec.Encode(await ProveAsync());

        var report = await EvidenceSampleVerifier.VerifyAsync(sample, bundleBytes: later);

        Assert.False(report.Valid);
        Assert.StartsWith(SampleMessages.OtherBundlePrefix + "their questions (", report.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASampleOfABundleThatDoesNotVerify_IsRefused()
    {
        var bundle = await ProveAsync();
        var sample = await CutAsync(bundle, 10);
        var forged = bundle with { Verdict = bundle.Verdict with { Outcome = ConsentVerdict.Pass, Violations = [] } };

        var report = await EvidenceSampleVerifier.VerifyAsync(sample, bundleBytes: EvidenceBundleCodec.Encode(forged));

        Assert.Equal(SampleMessages.BundleInvalid(EvidenceMessages.VerdictMismatch), report.Failure);
    }

    [Fact]
    public async Task ASample_WithAnyOneByteChanged_FailsVerification()
    {
        var bytes = await CutAsync(await ProveAsync(), 5);
        var text = Encoding.UTF8.GetString(bytes);
        var positions = Enumerable.Range(0, 400).Select(i => (int)((long)i * bytes.Length / 400))
            .Concat(new[] { "\"requested\"", "\"challenge\"", "\"seed\"", "\"decisionTime\"", "\"population\"", "\"subjects\"", "\"position\"", "\"pseudonym\"", "\"index\"", "\"matching\"", "\"after\"", "\"decision\"" }
                .Select(marker => text.IndexOf(marker, StringComparison.Ordinal) + marker.Length + 2))
            .Distinct();
        foreach (var position in positions)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[position] ^= 0x01;

            var report = await EvidenceSampleVerifier.VerifyAsync(tampered);

            Assert.False(report.Valid, $"a changed byte at {position} ({text[Math.Max(0, position - 20)..Math.Min(text.Length, position + 20)]}) passed");
        }
    }
}
