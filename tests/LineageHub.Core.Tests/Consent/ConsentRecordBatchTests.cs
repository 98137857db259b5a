using LineageHub.Core.Consent;
using LineageHub.Testing;

namespace LineageHub.Core.Tests.Consent;

/// <summary>How a consent batch is made from records: canonical order, repeats, and the root an import records.</summary>
public sealed class ConsentRecordBatchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(16_385)]
    [InlineData(50_000)]
    public void Of_AnyNumberOfRecords_HasTheRootOfItsStoredFormReadBack(int count)
    {
        // Scattered subjects, some with several records and some records twice: every path of the sort.
        var records = Enumerable.Range(0, count).Select(i => Some.Consent(Some.Subject((int)((i * 2_654_435_761u) % 20_011)), day: i % 3)).ToList();

        var batch = ConsentRecordBatch.Of(records);

        // FromBytes refuses records out of order or repeated, and computes the root from its own tree.
        Assert.Equal(ConsentRecordBatch.FromBytes(batch.Bytes.ToArray()).Root, batch.Root);
        Assert.Equal(records.Distinct().Count(), batch.Count);
    }

    [Fact]
    public void Of_IdenticalRecords_KeepsTheFirstAndNamesEachRepeat()
    {
        var (a, b, c) = (Some.Consent(Some.Subject(2)), Some.Consent(Some.Subject(1)), Some.Consent(Some.Subject(2), day: 1));

        var batch = ConsentRecordBatch.Of([a, b, a, c, a], out var repeats);

        Assert.Equal([b, a, c], batch.Records());
        Assert.Equal([(0, 2), (0, 4)], repeats.OrderBy(r => r.Repeat));
    }

    [Fact]
    public void Of_RecordsOfOneSubject_AreInTheOrderOfTheirBytes()
    {
        var subject = Some.Subject(5);
        var records = new[] { 9, 2, 7, 0, 4 }.Select(day => Some.Consent(subject, day)).Append(Some.Consent(Some.Subject(4))).Append(Some.Consent(Some.Subject(6))).ToList();

        var batch = ConsentRecordBatch.Of(records);

        var expected = records.OrderBy(r => Convert.ToHexString(ConsentRecordCodec.Encode(r)), StringComparer.Ordinal);
        Assert.Equal(expected, batch.Records());
    }
}
