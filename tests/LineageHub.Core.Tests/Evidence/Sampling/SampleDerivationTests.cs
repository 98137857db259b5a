using System.Text;
using LineageHub.Core;
using LineageHub.Core.Evidence;
using LineageHub.Core.Evidence.Sampling;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Tests.Evidence.Sampling;

/// <summary>
/// The derivation of schema/consent.md, "Deriving a sample". The expected seeds and positions were computed
/// by the document's Python recipe, not by this code, so they pin the format a third party reimplements.
/// </summary>
public sealed class SampleDerivationTests
{
    private static readonly EvidenceQuestion Question = new("model_version:credit-model|v1", "credit-scoring", null, 7);

    private static SignedTreeHead Head(long size = 7, string root = "root") =>
        new(size, Digest.Of(Encoding.UTF8.GetBytes(root)), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), [1, 2, 3], "key");

    [Fact]
    public void Seed_AndPositions_MatchTheDocumentsRecipe()
    {
        var seed = SampleDerivation.Seed(Head(), Question, "");

        Assert.Equal("fa5fa990b3ba9bc63218e3d294cee0cbcd5fd6e311058702e873bb64dfd45009", seed.ToString());
        Assert.Equal([729L, 873, 48, 441, 356], SampleDerivation.Positions(seed, 1000, 5));
    }

    [Fact]
    public void Seed_WithAsOfAndChallenge_MatchesTheDocumentsRecipe()
    {
        var question = Question with { AsOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), LedgerSize = 5 };

        var seed = SampleDerivation.Seed(Head(), question, "BaFin ref 2026-117");

        Assert.Equal("650228c7f1d94e7b09bd9da67ffe6ca6f59e610d46d94c74c34939139259f0e2", seed.ToString());
        Assert.Equal([772965L, 249309, 249839, 29141], SampleDerivation.Positions(seed, 1_000_000, 4));
    }

    [Fact]
    public void SameInputs_GiveTheSamePositions()
    {
        var first = SampleDerivation.Positions(SampleDerivation.Seed(Head(), Question, "x"), 2_000, 50);
        var second = SampleDerivation.Positions(SampleDerivation.Seed(Head(), Question, "x"), 2_000, 50);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(8, "root", "")]
    [InlineData(7, "another root", "")]
    [InlineData(7, "root", "a challenge")]
    public void AnotherTreeHeadOrChallenge_GivesAnotherSeed(long size, string root, string challenge)
    {
        var original = SampleDerivation.Seed(Head(), Question, "");

        Assert.NotEqual(original, SampleDerivation.Seed(Head(size, root), Question, challenge));
    }

    [Fact]
    public void AnotherQuestion_GivesAnotherSeed()
    {
        var original = SampleDerivation.Seed(Head(), Question, "");

        Assert.NotEqual(original, SampleDerivation.Seed(Head(), Question with { Purpose = "marketing" }, ""));
        Assert.NotEqual(original, SampleDerivation.Seed(Head(), Question with { LedgerSize = 6 }, ""));
        Assert.NotEqual(original, SampleDerivation.Seed(Head(), Question with { AsOf = DateTimeOffset.UnixEpoch }, ""));
        Assert.NotEqual(original, SampleDerivation.Seed(Head(), Question with { ModelVersion = "model_version:credit-model|v2" }, ""));
    }

    [Fact]
    public void Positions_AreDistinct_InRange_AndASmallerSampleIsTheirStart()
    {
        var seed = SampleDerivation.Seed(Head(), Question, "");

        var ten = SampleDerivation.Positions(seed, 40, 10);
        var thirtyNine = SampleDerivation.Positions(seed, 40, 39);

        Assert.Equal(10, ten.Distinct().Count());
        Assert.All(thirtyNine, p => Assert.InRange(p, 0, 39));
        Assert.Equal(39, thirtyNine.Distinct().Count());
        Assert.Equal(ten, thirtyNine[..10]);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 10)]
    public void Positions_AsManyOrMoreThanThereAre_TakeAllInOrder(long population, int requested)
    {
        var positions = SampleDerivation.Positions(SampleDerivation.Seed(Head(), Question, ""), population, requested);

        Assert.Equal([0L, 1, 2], positions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(EvidenceSample.MaxSubjects + 1)]
    public void Positions_OfABadSize_AreRefused(int requested)
    {
        var error = Assert.Throws<LineageHubException>(() => SampleDerivation.Positions(default, 100, requested));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Contains(requested < 1 ? "at least 1" : "at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongChallenge_IsRefused()
    {
        var error = Assert.Throws<LineageHubException>(() => SampleDerivation.Seed(Head(), Question, new string('x', SampleDerivation.MaxChallengeBytes + 1)));

        Assert.Equal(SampleMessages.ChallengeTooLong(SampleDerivation.MaxChallengeBytes), error.Message);
    }
}
