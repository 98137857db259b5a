using System.Text;
using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Core;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

public sealed class BadInputTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "t.csv:3: the row has 1 fields, the header has 2")]
    [InlineData("a,b\n1,2,3\n", "t.csv:2: the row has 3 fields, the header has 2")]
    [InlineData("a,b\n1,x\"y\n", "t.csv:2: field 2 has a quote inside an unquoted value")]
    [InlineData("a,b\n1,\"x\"y\n", "t.csv:2: field 2 has text after its closing quote")]
    [InlineData("a,b\n1,2\n3,\"open\n\n", "t.csv:3: a quoted field starting on this line is never closed")]
    [InlineData("a,b\n1,\"two\nlines\"\n3,4,5\n", "t.csv:4: the row has 3 fields, the header has 2")]
    [InlineData("a,b\r\n1,2\r3,4\r\n", "t.csv:2: a carriage return not followed by a line feed")]
    [InlineData("", "t.csv: the file is empty: a CSV file needs a header row")]
    [InlineData("a,a\n1,2\n", "t.csv: the column 'a' appears twice")]
    public void BadCsv_NamesTheFileAndLine(string content, string message)
    {
        var path = _dir.File("t.csv", content);

        Assert.Equal(Path.Combine(_dir.Path, message), Snap.Error(path));
    }

    [Fact]
    public void InvalidUtf8_NamesTheLine()
    {
        var path = _dir.File("t.csv", [.. "a,b\n1,2\n3,"u8, 0xC3, 0x28, .. "\n"u8]);

        Assert.Equal($"{path}:3: the row is not valid UTF-8", Snap.Error(path));
    }

    [Fact]
    public void Latin1_IsReadWhenDeclared()
    {
        var latin1 = _dir.File("l.csv", Encoding.Latin1.GetBytes("a\ncafé\n"));
        var utf8 = _dir.File("u.csv", "a\ncafé\n");

        var root = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(latin1) with { Csv = Datasets.Tables.CsvOptions.Parse(null, "latin1", false) }).Root;

        Assert.Equal(Snap.Table(utf8).Root, root);
        Assert.Contains("not valid UTF-8", Snap.Error(latin1), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeys_FailNamingBothLines_UnlessAllowed()
    {
        var path = _dir.File("t.csv", "id,v\n1,a\n2,b\n2,c\n3,d\n");
        var unsorted = _dir.File("u.csv", "id,v\n3,a\n2,b\n1,c\n2,d\n");

        Assert.Equal($"{path}: the key column 'id' has the value 2 twice (line 3 and line 4); give --allow-duplicate-keys to accept that", Snap.Error(path, "id"));
        Assert.Equal($"{unsorted}: the key column 'id' has the value 2 twice (line 3 and line 5); give --allow-duplicate-keys to accept that", Snap.Error(unsorted, "id"));
        var allowed = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(path, "id") with { AllowDuplicateKeys = true });
        Assert.Equal(4, allowed.RowCount);
    }

    [Fact]
    public void UnknownKeyColumn_ListsTheColumns()
    {
        var path = _dir.File("t.csv", "id,v\n1,a\n");

        Assert.Equal($"{path}: there is no key column 'key' (columns: id, v)", Snap.Error(path, "key"));
    }

    [Theory]
    [InlineData("{\"a\":1}\n[1]\n", "t.jsonl:2: not a JSON object: the line does not start with '{'")]
    [InlineData("{\"a\":1}\n{\"a\":2,\"b\":3}\n", "t.jsonl:2: the member 'b' is not among the first line's members")]
    [InlineData("{\"a\":1}\n{\"a\":2,\"a\":3}\n", "t.jsonl:2: the member 'a' appears twice")]
    [InlineData("{\"a\":1}\n{\"a\":2} x\n", "t.jsonl:2: not a JSON object:")]
    [InlineData("{\"a\":1}\n\n{\"a\":\n", "t.jsonl:3: not a JSON object:")]
    public void BadJsonLines_NamesTheFileAndLine(string content, string message)
    {
        var path = _dir.File("t.jsonl", content);

        Assert.StartsWith(Path.Combine(_dir.Path, message), Snap.Error(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatChangesWhileRead_IsRefused()
    {
        var path = _dir.File("t.csv", Snap.Csv(1, 30_000));
        var request = Snap.Request(path) with { ChunkRows = (_, _) => File.AppendAllText(path, "9999999,late,1\n") };

        var ex = Assert.Throws<LineageHubException>(() => Datasets.Tables.TableSnapshotter.Snapshot(request));

        Assert.Equal(Datasets.DatasetMessages.Changed(path), ex.Message);
    }

    [Fact]
    public void AMissingFile_IsNotFound()
    {
        var path = Path.Combine(_dir.Path, "nothing.csv");

        var ex = Assert.Throws<LineageHubException>(() => DatasetSnapshotter.Snapshot(new SnapshotRequest(path, Core.Domain.SnapshotMode.Raw)));

        Assert.Equal(ErrorCode.NotFound, ex.Code);
        Assert.Equal($"{path}: no such file or folder", ex.Message);
    }

    [Fact]
    public void ASymlinkLoop_IsAnError()
    {
        var root = Path.Combine(_dir.Path, "data");
        Directory.CreateDirectory(Path.Combine(root, "part=1"));
        File.WriteAllText(Path.Combine(root, "part=1", "f.csv"), "a\n1\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "part=1", "back"), root);

        var ex = Assert.Throws<LineageHubException>(() => DatasetSnapshotter.Snapshot(new SnapshotRequest(root, Core.Domain.SnapshotMode.Raw)));

        Assert.Equal(ErrorCode.InvalidInput, ex.Code);
        Assert.StartsWith($"{Path.Combine(root, "part=1", "back")}: a symbolic link loop", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptParquetFile_NamesTheFile()
    {
        var path = _dir.File("t.parquet", [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, .. "PAR1"u8]);

        Assert.StartsWith($"{path}: ", Snap.Error(path), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
