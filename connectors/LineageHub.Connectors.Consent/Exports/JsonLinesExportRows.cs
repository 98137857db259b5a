using System.Text.Json;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Exports;

/// <summary>JSON Lines: one flat object per line; strings are taken as they are, numbers and booleans as their JSON text, null as empty.</summary>
internal sealed class JsonLinesExportRows : ExportRows
{
    private const int MaxDepth = 4;

    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private byte[] _value = new byte[256];

    public JsonLinesExportRows(string file, byte[] data, int start)
        : base(file, data, start)
    {
        // The columns are the members of the first object; a member only later lines have is still read.
        var first = Position;
        var firstLine = NextLine;
        if (!NextLineSpan(out var line))
        {
            throw LineageHubException.InvalidInput($"{file}: {ConsentConnectorMessages.EmptyFile}");
        }
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                Add(reader.GetString()!);
                reader.Read();
                reader.TrySkip();
            }
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadJson(file, firstLine, ex.Message));
        }
        SetColumns(_names);
        Position = first;
        NextLine = firstLine;
    }

    public override bool Next()
    {
        while (NextLineSpan(out var line))
        {
            if (line.Trim((byte)' ').Trim((byte)'\r').IsEmpty)
            {
                continue;
            }
            BeginRow();
            try
            {
                var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadJson(File, Line, "the line does not start an object"));
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var column = _columns.TryGetValue(reader.GetString()!, out var index) ? index : -1;
                    reader.Read();
                    if (column < 0 || reader.TokenType == JsonTokenType.Null)
                    {
                        reader.TrySkip();
                        continue;
                    }
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadJson(File, Line, $"member '{_names[column]}' is not a plain value"));
                    }
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        var length = reader.CopyString(Grow(reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length));
                        SetField(column, _value.AsSpan(0, length));
                    }
                    else
                    {
                        SetField(column, reader.ValueSpan);
                    }
                }
                if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                {
                    throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadJson(File, Line, "text after the object"));
                }
            }
            catch (JsonException ex)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadJson(File, Line, ex.Message));
            }
            return true;
        }
        return false;
    }

    private Span<byte> Grow(int length)
    {
        if (_value.Length < length)
        {
            _value = new byte[length * 2];
        }
        return _value;
    }

    private void Add(string name)
    {
        if (_columns.TryAdd(name, _names.Count))
        {
            _names.Add(name);
        }
    }

    private bool NextLineSpan(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (Position >= Data.Length)
        {
            return false;
        }
        var rest = Data.AsSpan(Position);
        var end = rest.IndexOf((byte)'\n');
        line = end < 0 ? rest : rest[..end];
        Position += end < 0 ? rest.Length : end + 1;
        Line = NextLine++;
        return true;
    }
}
