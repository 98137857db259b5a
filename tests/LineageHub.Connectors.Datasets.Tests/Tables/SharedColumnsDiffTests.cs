using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Connectors.Datasets.Tests.Support;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

public sealed class SharedColumnsDiffTests : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Compare_ADroppedColumnAndEditedRows_CountsOnlyTheEditedRowsAsChanged()
    {
        var before = _files.File("v1.csv", Snap.Csv(1, 5000, i => $"{i},name {i},{i * 1.5:0.0#}"));
        var after = _files.File("v2.csv", "id,name\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"{i},{(i % 50 == 0 ? "renamed" : "name")} {i}\n")));

        var diff = SharedColumnsDiff.Compare(Snap.Request(before, "id"), Snap.Request(after, "id"), sampleSize: 2);

        Assert.Equal((0L, 0L, 100L), (diff.Rows.Added, diff.Rows.Removed, diff.Rows.Changed));
        Assert.Equal(["id", "name"], diff.Rows.ComparedColumns);
        Assert.Empty(diff.Retyped);
        var first = diff.Rows.Sample[0];
        // Numbers are in normal form: 75.0 is the number 75.
        Assert.Equal(("name 50", "75", "renamed 50"), (first.Before!["name"], first.Before["amount"], first.After!["name"]));
        Assert.False(first.After.ContainsKey("amount"));
    }

    [Fact]
    public void Compare_AColumnTurnedFromNumbersToText_IsRetyped_AndRowsAddedAndRemovedByKey()
    {
        var before = _files.File("v1.csv", "id,code\n1,10\n2,20\n3,30\n");
        var after = _files.File("v2.csv", "id,code\n2,A20\n3,30\n4,40\n");

        var diff = SharedColumnsDiff.Compare(Snap.Request(before, "id"), Snap.Request(after, "id"));

        Assert.Equal((1L, 1L, 1L), (diff.Rows.Added, diff.Rows.Removed, diff.Rows.Changed));
        var retyped = Assert.Single(diff.Retyped);
        Assert.Equal("code", retyped.Column);
        Assert.Equal(["R"], retyped.From);
        Assert.Equal(["R", "S"], retyped.To);
    }

    [Fact]
    public void Compare_WithoutAKey_ComparesRowsAsMultisetsOverTheSharedColumns()
    {
        var before = _files.File("v1.csv", "a,b,c\n1,x,p\n1,x,q\n2,y,r\n");
        var after = _files.File("v2.csv", "a,b\n1,x\n2,z\n");

        var diff = SharedColumnsDiff.Compare(Snap.Request(before), Snap.Request(after));

        // Over (a, b): before {1x, 1x, 2y}, after {1x, 2z}: one 2z added; one 1x and the 2y removed.
        Assert.Equal((1L, 2L, 0L), (diff.Rows.Added, diff.Rows.Removed, diff.Rows.Changed));
    }
}
