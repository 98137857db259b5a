using System.Text;
using System.Text.Unicode;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Exports;

/// <summary>
/// The rows of a CSV or JSON Lines file, read from memory one at a time; a row's fields are UTF-8 bytes,
/// slices of the file or of a scratch buffer, valid until the next row. The whole file must be UTF-8: a
/// byte that is not is refused with its line and column, since a file that mixes encodings would give
/// one subject two pseudonyms.
/// </summary>
internal abstract class ExportRows
{
    private readonly Dictionary<string, int> _columnIndex;

    // Each field is a slice of the file itself or of the scratch buffer (values that had to be rewritten:
    // unescaped CSV quotes, JSON strings); the array is held so a scratch buffer that grew stays readable.
    private (byte[] Source, int Start, int Length)[] _fields = [];

    protected ExportRows(string file, byte[] data, int start)
    {
        File = file;
        Data = data;
        Position = start;
        _columnIndex = [];
    }

    public string File { get; }

    /// <summary>The columns, in file order (CSV: the header; JSON Lines: the first object's members).</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    /// <summary>The 1-based line the current row starts on.</summary>
    public long Line { get; protected set; }

    protected byte[] Data { get; }

    protected int Position { get; set; }

    protected long NextLine { get; set; } = 1;

    protected byte[] Scratch { get; set; } = new byte[1024];

    protected int ScratchLength { get; set; }

    public static ExportRows Open(string path, ExportFormat format, byte delimiter = (byte)',')
    {
        var data = System.IO.File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        if (data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        {
            throw LineageHubException.InvalidInput(ConsentConnectorMessages.Utf16(name));
        }
        CheckUtf8(name, data);
        var start = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        return format == ExportFormat.Csv ? new CsvExportRows(name, data, start, delimiter) : new JsonLinesExportRows(name, data, start);
    }

    /// <summary>The file's lines (at least its rows): what an importer sizes its arrays by.</summary>
    public int LineCount => Data.AsSpan().Count((byte)'\n') + 1;

    public int? ColumnOf(string name) => _columnIndex.TryGetValue(name, out var index) ? index : null;

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    public abstract bool Next();

    /// <summary>The current row's value in <paramref name="column"/>; empty when the row has none.</summary>
    public ReadOnlySpan<byte> Field(int column) =>
        column < _fields.Length && _fields[column].Length > 0 ? _fields[column].Source.AsSpan(_fields[column].Start, _fields[column].Length) : [];

    public string Text(int column) => Encoding.UTF8.GetString(Field(column));

    protected void SetColumns(IReadOnlyList<string> columns)
    {
        Columns = columns;
        for (var i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
        }
        _fields = new (byte[], int, int)[columns.Count];
    }

    protected void BeginRow()
    {
        ScratchLength = 0;
        Array.Clear(_fields);
    }

    protected void SetField(int column, ReadOnlySpan<byte> value)
    {
        if (column >= _fields.Length)
        {
            return;
        }
        if (ScratchLength + value.Length > Scratch.Length)
        {
            var larger = new byte[Math.Max(Scratch.Length * 2, ScratchLength + value.Length)];
            Scratch.AsSpan(0, ScratchLength).CopyTo(larger);
            Scratch = larger;
        }
        value.CopyTo(Scratch.AsSpan(ScratchLength));
        _fields[column] = (Scratch, ScratchLength, value.Length);
        ScratchLength += value.Length;
    }

    /// <summary>Sets a field that is the file's bytes as they are, without copying them.</summary>
    protected void SetFieldInData(int column, int start, int length)
    {
        if (column < _fields.Length)
        {
            _fields[column] = (Data, start, length);
        }
    }

    private static void CheckUtf8(string name, byte[] data)
    {
        if (Utf8.IsValid(data))
        {
            return;
        }
        var line = 1L;
        var lineStart = 0;
        var at = 0;
        while (at < data.Length)
        {
            if (data[at] == (byte)'\n')
            {
                line++;
                lineStart = ++at;
                continue;
            }
            if (System.Text.Rune.DecodeFromUtf8(data.AsSpan(at), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.NotUtf8(name, line, at - lineStart + 1, data[at]));
            }
            at += consumed;
        }
    }
}
