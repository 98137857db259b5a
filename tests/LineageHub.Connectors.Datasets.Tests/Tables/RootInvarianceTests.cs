using LineageHub.Connectors.Datasets.Tests.Support;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

public sealed class RootInvarianceTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    [Fact]
    public void CsvAndJsonLines_WithTheSameRows_GiveOneRoot()
    {
        var csv = _dir.File("t.csv", "id,name,amount,at,flag,note\n1,ann,1.50,2024-01-01 10:00:00+00,true,\n2,\"bo, b\",2e1,2024-01-02T00:00:00Z,false,\"\"\n");
        var jsonl = _dir.File("t.jsonl", """
            {"note":null,"id":1,"name":"ann","amount":1.5,"at":"2024-01-01T10:00:00Z","flag":true}
            {"id":2,"name":"bo, b","amount":20,"at":"2024-01-02T00:00:00.000Z","flag":false,"note":""}

            """);

        Assert.Equal(Snap.Table(csv).Root, Snap.Table(jsonl).Root);
        Assert.Equal(Snap.Table(csv, "id").Root, Snap.Table(jsonl, "id").Root);
    }

    [Fact]
    public void ColumnOrder_DoesNotChangeTheRoot()
    {
        var a = _dir.File("a.csv", "id,name\n1,x\n2,y\n");
        var b = _dir.File("b.csv", "name,id\nx,1\ny,2\n");

        Assert.Equal(Snap.Table(a).Root, Snap.Table(b).Root);
    }

    [Fact]
    public void KeyOrder_MakesFileOrderIrrelevant_ButWithoutAKeyOrderCounts()
    {
        var sorted = _dir.File("s.csv", Snap.Csv(1, 3000));
        var shuffled = _dir.File("u.csv", "id,name,amount\n" + string.Concat(Enumerable.Range(1, 3000).OrderBy(i => (i * 7919) % 3001).Select(i => $"{i},name {i},{i * 1.5:0.0#}\n")));

        Assert.Equal(Snap.Table(sorted, "id").Root, Snap.Table(shuffled, "id").Root);
        Assert.NotEqual(Snap.Table(sorted).Root, Snap.Table(shuffled).Root);
    }

    [Fact]
    public void NullAndEmptyString_AreDifferentValues()
    {
        var nulls = _dir.File("n.csv", "a,b\n1,\n");
        var empty = _dir.File("e.csv", "a,b\n1,\"\"\n");

        Assert.NotEqual(Snap.Table(nulls).Root, Snap.Table(empty).Root);
    }

    [Fact]
    public void TheSaltKey_IsPartOfTheRoot()
    {
        var csv = _dir.File("t.csv", Snap.Csv(1, 10));
        var other = Datasets.Tables.TableSnapshotter.Snapshot(new(csv, LineageHub.Core.Snapshots.SnapshotSaltKey.Generate()));

        Assert.NotEqual(Snap.Table(csv).Root, other.Root);
    }

    [Fact]
    public void Parallelism_DoesNotChangeTheRoot()
    {
        var csv = _dir.File("t.csv", Snap.Csv(1, 40_000));
        var one = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(csv, "id") with { Parallelism = 1 });
        var four = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(csv, "id") with { Parallelism = 4 });

        Assert.Equal(one.Root, four.Root);
        Assert.Equal(one.Chunks, four.Chunks);
        Assert.True(one.Chunks.Count > 3, $"40,000 rows should make several chunks, got {one.Chunks.Count}");
    }

    public void Dispose() => _dir.Dispose();
}
