using LineageHub.Connectors.Consent.Exports;
using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Tests.Exports;

/// <summary>The CSV reader under the importer: RFC 4180 quoting, line endings, and where each row starts.</summary>
public sealed class CsvExportRowsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Next_QuotedFields_AreUnescapedAndMayHoldDelimitersAndNewlines()
    {
        var rows = Open("id,note\n\"a,1\",\"say \"\"hi\"\"\nthen go\"\nplain,\"\"\n");

        Assert.Equal([("a,1", "say \"hi\"\nthen go", 2L), ("plain", "", 4L)], All(rows));
    }

    [Fact]
    public void Next_CrLfLineEndings_AreNotPartOfTheValues()
    {
        var rows = Open("id,note\r\na,x\r\n\"b\",\"y\"\r\nc,z");

        Assert.Equal([("a", "x", 2L), ("b", "y", 3L), ("c", "z", 4L)], All(rows));
    }

    [Fact]
    public void Next_BlankLines_AreNotRowsButCountAsLines()
    {
        var rows = Open("id,note\n\na,x\n\n\nb,y\n");

        Assert.Equal([("a", "x", 3L), ("b", "y", 6L)], All(rows));
    }

    [Fact]
    public void Next_ACarriageReturnInsideAnUnquotedValue_IsKept()
    {
        var rows = Open("id,note\na\rb,x\n");

        Assert.Equal([("a\rb", "x", 2L)], All(rows));
    }

    [Theory]
    [InlineData("id,note\na,x\nb\n", "c.csv:3: 1 fields where the header has 2")]
    [InlineData("id,note\na,x\n\"b\nc,x\n", "c.csv:3: a quoted field is not closed")]
    [InlineData("id,note\n\"a\"b,x\n", "c.csv:2: text after a closing quote")]
    public void Next_MalformedRows_AreRefusedWithTheirLine(string text, string message)
    {
        var rows = Open(text);

        var error = Assert.Throws<LineageHubException>(() => All(rows));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Open_TheHeader_IsTrimmedAndMayBeQuoted()
    {
        var rows = Open(" id ,\"note\"\na,x\n");

        Assert.Equal(["id", "note"], rows.Columns);
    }

    private ExportRows Open(string text) => ExportRows.Open(_folder.File("c.csv", text), ExportFormat.Csv);

    private static List<(string Id, string Note, long Line)> All(ExportRows rows)
    {
        var all = new List<(string, string, long)>();
        while (rows.Next())
        {
            all.Add((rows.Text(0), rows.Text(1), rows.Line));
        }
        return all;
    }
}
