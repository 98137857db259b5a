using System.Text;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Exports;

/// <summary>RFC 4180 CSV: a header row, fields optionally in double quotes (<c>""</c> inside is one quote, newlines allowed).</summary>
internal sealed class CsvExportRows : ExportRows
{
    private readonly byte _delimiter;
    private readonly List<byte[]> _values = [];

    public CsvExportRows(string file, byte[] data, int start, byte delimiter)
        : base(file, data, start)
    {
        _delimiter = delimiter;
        if (!ReadRecord())
        {
            throw LineageHubException.InvalidInput($"{file}: {ConsentConnectorMessages.EmptyFile}");
        }
        SetColumns([.. _values.Select(v => Encoding.UTF8.GetString(v).Trim())]);
    }

    public override bool Next()
    {
        while (ReadRecord())
        {
            // A blank line is not a row.
            if (_values.Count == 1 && _values[0].Length == 0)
            {
                continue;
            }
            if (_values.Count != Columns.Count)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, $"{_values.Count} fields where the header has {Columns.Count}"));
            }
            BeginRow();
            for (var i = 0; i < _values.Count; i++)
            {
                SetField(i, _values[i]);
            }
            return true;
        }
        return false;
    }

    private bool ReadRecord()
    {
        _values.Clear();
        if (Position >= Data.Length)
        {
            return false;
        }
        Line = NextLine;
        var field = new List<byte>();
        while (true)
        {
            field.Clear();
            if (Position < Data.Length && Data[Position] == (byte)'"')
            {
                Position++;
                while (true)
                {
                    if (Position >= Data.Length)
                    {
                        throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, "a quoted field is not closed"));
                    }
                    var b = Data[Position++];
                    if (b == (byte)'"')
                    {
                        if (Position < Data.Length && Data[Position] == (byte)'"')
                        {
                            field.Add(b);
                            Position++;
                            continue;
                        }
                        break;
                    }
                    if (b == (byte)'\n')
                    {
                        NextLine++;
                    }
                    field.Add(b);
                }
                _values.Add([.. field]);
                if (Position < Data.Length && Data[Position] != _delimiter && Data[Position] != (byte)'\n' && Data[Position] != (byte)'\r')
                {
                    throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadCsv(File, Line, "text after a closing quote"));
                }
            }
            else
            {
                var start = Position;
                while (Position < Data.Length && Data[Position] != _delimiter && Data[Position] != (byte)'\n')
                {
                    Position++;
                }
                var end = Position > start && Position <= Data.Length && Data[Position - 1] == (byte)'\r' && (Position == Data.Length || Data[Position] == (byte)'\n') ? Position - 1 : Position;
                _values.Add(Data.AsSpan(start, end - start).ToArray());
            }
            if (Position < Data.Length && Data[Position] == _delimiter)
            {
                Position++;
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
}
