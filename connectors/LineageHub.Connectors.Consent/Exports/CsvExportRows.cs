using System.Text;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Exports;

/// <summary>RFC 4180 CSV: a header row, fields optionally in double quotes (<c>""</c> inside is one quote, newlines allowed).</summary>
internal sealed class CsvExportRows : ExportRows
{
    private readonly byte _delimiter;
    private byte[] _unquoted = new byte[256];

    public CsvExportRows(string file, byte[] data, int start, byte delimiter)
        : base(file, data, start)
    {
        _delimiter = delimiter;
        var header = new List<string>();
        if (!ReadRecord(header, out _, out _))
        {
            throw LineageHubException.InvalidInput($"{file}: {ConsentConnectorMessages.EmptyFile}");
        }
        SetColumns([.. header.Select(h => h.Trim())]);
    }

    public override bool Next()
    {
        while (true)
        {
            BeginRow();
            if (!ReadRecord(null, out var fields, out var blank))
            {
                return false;
            }
            // A blank line is not a row.
            if (blank)
            {
                continue;
            }
            if (fields != Columns.Count)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, $"{fields} fields where the header has {Columns.Count}"));
            }
            return true;
        }
    }

    // Reads one record: into the header list when there is one, else into the row's fields (unquoted
    // fields stay slices of the file). Blank: the record is one empty field.
    private bool ReadRecord(List<string>? header, out int fields, out bool blank)
    {
        fields = 0;
        blank = false;
        if (Position >= Data.Length)
        {
            return false;
        }
        Line = NextLine;
        while (true)
        {
            int length;
            if (Position < Data.Length && Data[Position] == (byte)'"')
            {
                length = ReadQuoted();
                if (header is null)
                {
                    SetField(fields, _unquoted.AsSpan(0, length));
                }
                else
                {
                    header.Add(Encoding.UTF8.GetString(_unquoted, 0, length));
                }
                if (Position < Data.Length && Data[Position] != _delimiter && Data[Position] != (byte)'\n' && Data[Position] != (byte)'\r')
                {
                    throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, "text after a closing quote"));
                }
            }
            else
            {
                var start = Position;
                var stop = Data.AsSpan(Position).IndexOfAny(_delimiter, (byte)'\n');
                Position = stop < 0 ? Data.Length : Position + stop;
                var end = Position > start && Data[Position - 1] == (byte)'\r' && (Position == Data.Length || Data[Position] == (byte)'\n') ? Position - 1 : Position;
                length = end - start;
                if (header is null)
                {
                    SetFieldInData(fields, start, length);
                }
                else
                {
                    header.Add(Encoding.UTF8.GetString(Data, start, length));
                }
            }
            blank = fields == 0 && length == 0;
            fields++;
            if (Position < Data.Length && Data[Position] == _delimiter)
            {
                Position++;
                blank = false;
                continue;
            }
            if (Position < Data.Length && Data[Position] == (byte)'\r')
            {
                Position++;
            }
            if (Position < Data.Length && Data[Position] == (byte)'\n')
            {
                Position++;
            }
            NextLine++;
            return true;
        }
    }

    // A quoted field from its opening quote to its closing one, unescaped into _unquoted; its length.
    private int ReadQuoted()
    {
        Position++;
        var length = 0;
        while (true)
        {
            var quote = Data.AsSpan(Position).IndexOf((byte)'"');
            if (quote < 0)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, "a quoted field is not closed"));
            }
            var text = Data.AsSpan(Position, quote);
            NextLine += text.Count((byte)'\n');
            Append(ref length, text);
            Position += quote + 1;
            if (Position < Data.Length && Data[Position] == (byte)'"')
            {
                Append(ref length, "\""u8);
                Position++;
                continue;
            }
            return length;
        }
    }

    private void Append(ref int length, ReadOnlySpan<byte> text)
    {
        if (_unquoted.Length - length < text.Length)
        {
            Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, length + text.Length));
        }
        text.CopyTo(_unquoted.AsSpan(length));
        length += text.Length;
    }
}
