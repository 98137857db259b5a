using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

public sealed class ChangeDetectionTests : IDisposable
{
    private const int Rows = 50_000;
    private readonly TemporaryDirectory _dir = new();

    public static TheoryData<string, string?> Edits() => new()
    {
        { "change", "id" },
        { "insert", "id" },
        { "delete", "id" },
        { "change", null },
        { "insert", null },
        { "delete", null },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void OneRowEdit_ChangesTheRoot_AndAtMostTwoChunksEachSide(string edit, string? key)
    {
        var before = _dir.File("before.csv", Snap.Csv(1, Rows));
        var after = _dir.File("after.csv", Snap.Csv(1, Rows, i => (edit, i) switch
        {
            ("change", 25_000) => "25000,name changed,1",
            ("insert", 25_000) => "25000,name 25000,37500.0\n25000.5,inserted,0",
            ("delete", 25_000) => null!,
            _ => $"{i},name {i},{i * 1.5:0.0#}",
        }).Replace("\n\n", "\n", StringComparison.Ordinal));
        if (edit == "delete")
        {
            File.WriteAllText(after, Snap.Csv(1, Rows).Replace("25000,name 25000,37500.0\n", "", StringComparison.Ordinal));
        }

        var a = Snap.Table(before, key);
        var b = Snap.Table(after, key);
        var diff = SnapshotDiff.Compare(a.Chunks, b.Chunks);

        Assert.NotEqual(a.Root, b.Root);
        Assert.InRange(diff.ChangedChunksBefore, edit == "insert" ? 0 : 1, 2);
        Assert.InRange(diff.ChangedChunksAfter, edit == "delete" ? 0 : 1, 2);
        Assert.True(a.Chunks.Count > 8, $"{Rows} rows should make many chunks, got {a.Chunks.Count}");
    }

    [Fact]
    public void FileDiff_ByKey_ReportsTheExactRows()
    {
        var before = _dir.File("before.csv", Snap.Csv(1, 20_000));
        var after = _dir.File("after.csv", Snap.Csv(1, 20_000, i => i switch
        {
            500 => "500,renamed,750.0",
            9000 => "9000,name 9000,13500.0\n9000.5,new row,1",
            _ => $"{i},name {i},{i * 1.5:0.0#}",
        }).Replace("15000,name 15000,22500.0\n", "", StringComparison.Ordinal));

        var diff = TableFileDiff.Compare(Snap.Request(before, "id"), Snap.Request(after, "id"));

        Assert.Equal((1L, 1L, 1L), (diff.Added, diff.Removed, diff.Changed));
        Assert.Equal("new row", diff.AddedSample[0]["name"]);
        Assert.Equal("15000", diff.RemovedSample[0]["id"]);
        Assert.Equal(("name 500", "renamed"), (diff.ChangedSample[0].Before["name"], diff.ChangedSample[0].After["name"]));
    }

    [Fact]
    public void FileDiff_WithoutAKey_ComparesRowsAsMultisets()
    {
        var before = _dir.File("before.csv", "a\nx\nx\ny\n");
        var after = _dir.File("after.csv", "a\nx\ny\nz\n");

        var diff = TableFileDiff.Compare(Snap.Request(before), Snap.Request(after));

        Assert.Equal((1L, 1L), (diff.Added, diff.Removed));
        Assert.Equal("z", diff.AddedSample[0]["a"]);
        Assert.Equal("x", diff.RemovedSample[0]["a"]);
    }

    [Fact]
    public void FileDiff_OfTheSameRows_IsEmpty()
    {
        var a = _dir.File("a.csv", Snap.Csv(1, 3000));
        var b = _dir.File("b.jsonl", string.Concat(Enumerable.Range(1, 3000).Select(i => $"{{\"amount\":{i * 1.5:0.0#},\"name\":\"name {i}\",\"id\":{i}}}\n")));

        var diff = TableFileDiff.Compare(Snap.Request(a, "id"), Snap.Request(b, "id"));

        Assert.True(diff.Chunks.Identical);
        Assert.Equal((0L, 0L, 0L), (diff.Added, diff.Removed, diff.Changed));
    }

    public void Dispose() => _dir.Dispose();
}
