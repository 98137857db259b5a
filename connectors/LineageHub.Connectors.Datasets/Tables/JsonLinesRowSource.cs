using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LineageHub.Core;
using LineageHub.Core.Canonical;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// JSON Lines: one JSON object per line; the first line's members are the columns, a later line may leave
/// members out (null) but not add new ones. Strings, numbers and booleans are typed from their text like
/// every other format; objects and arrays are canonical JSON (tag J). Empty lines are skipped.
/// </summary>
internal sealed class JsonLinesRowSource : IRowSource
{
    private readonly string _path;
    private readonly LineReader _lines;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly bool[] _seen;
    private byte[]? _first;
    private byte[] _scratch = new byte[256];

    public JsonLinesRowSource(string path, Stream stream)
    {
        _path = path;
        _lines = new LineReader(path, stream);
        var columns = new List<string>();
        while (_lines.Next(out var line))
        {
            if (IsBlank(line))
            {
                continue;
            }
            if (!Utf8.IsValid(line))
            {
                throw LineageHubException.InvalidInput(DatasetMessages.InvalidUtf8(path, _lines.Line));
            }
            _first = line.ToArray();
            var reader = Start(line);
            while (NextMember(ref reader, out var name))
            {
                if (!_index.TryAdd(name, columns.Count))
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.DuplicateJsonMember(path, _lines.Line, name));
                }
                columns.Add(name);
                Skip(ref reader);
            }
            break;
        }
        Columns = columns;
        FirstLine = _lines.Line;
        _seen = new bool[columns.Count];
    }

    public IReadOnlyList<string> Columns { get; }

    public string Format => "jsonl";

    public long PositionToken => _lines.Line;

    public string Describe(long token) => $"line {token}";

    public long BytesRead => _lines.Consumed;

    private long FirstLine { get; }

    public bool Next(RowWriter writer)
    {
        ReadOnlySpan<byte> line;
        if (_first is not null)
        {
            line = _first;
            _first = null;
            return Read(line, FirstLine, writer);
        }
        while (_lines.Next(out line))
        {
            if (!IsBlank(line))
            {
                return Read(line, _lines.Line, writer);
            }
        }
        return false;
    }

    public void Dispose() => _lines.Dispose();

    private bool Read(ReadOnlySpan<byte> line, long number, RowWriter writer)
    {
        if (!Utf8.IsValid(line))
        {
            throw LineageHubException.InvalidInput(DatasetMessages.InvalidUtf8(_path, number));
        }
        writer.BeginRow();
        _seen.AsSpan().Clear();
        try
        {
            var reader = Start(line, number);
            while (NextMember(ref reader, out var name, number))
            {
                if (!_index.TryGetValue(name, out var column))
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.UnknownJsonMember(_path, number, name));
                }
                if (_seen[column])
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.DuplicateJsonMember(_path, number, name));
                }
                _seen[column] = true;
                reader.Read();
                Value(ref reader, column, writer);
            }
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.BadJson(_path, number, ex.Message));
        }
        writer.EndRow();
        return true;
    }

    private void Value(ref Utf8JsonReader reader, int column, RowWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                writer.SetNull(column);
                break;
            case JsonTokenType.True:
                writer.SetText(column, "true"u8);
                break;
            case JsonTokenType.False:
                writer.SetText(column, "false"u8);
                break;
            case JsonTokenType.Number:
                writer.SetText(column, reader.ValueSpan);
                break;
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped)
                {
                    writer.SetText(column, reader.ValueSpan);
                    break;
                }
                var length = reader.ValueSpan.Length;
                if (_scratch.Length < length)
                {
                    _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
                }
                var written = reader.CopyString(_scratch);
                writer.SetText(column, _scratch.AsSpan(0, written));
                break;
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    writer.SetTyped(column, ValueTag.Json, CanonicalJson.Encode(document.RootElement));
                }
                break;
        }
    }

    private Utf8JsonReader Start(ReadOnlySpan<byte> line, long number = 0)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw LineageHubException.InvalidInput(DatasetMessages.BadJson(_path, number == 0 ? _lines.Line : number, "the line does not start with '{'"));
            }
            return reader;
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.BadJson(_path, number == 0 ? _lines.Line : number, ex.Message));
        }
    }

    private bool NextMember(ref Utf8JsonReader reader, out string name, long number = 0)
    {
        name = "";
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("the object is not closed");
            }
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Nothing may follow the object on its line.
                if (reader.Read())
                {
                    throw new JsonException("text after the object");
                }
                return false;
            }
            name = reader.GetString()!;
            return true;
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.BadJson(_path, number == 0 ? _lines.Line : number, ex.Message));
        }
    }

    private void Skip(ref Utf8JsonReader reader)
    {
        try
        {
            reader.Read();
            reader.Skip();
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.BadJson(_path, _lines.Line, ex.Message));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    internal static string Describe(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line[..Math.Min(line.Length, 40)]);
}
