using System.Text.Unicode;
using LineageHub.Core;

namespace LineageHub.Connectors.Datasets.Tables;

internal sealed partial class CsvRowSource
{
    // Parses one record from _start; on running out of buffer mid-record it refills and starts the record
    // again (field offsets would move), which costs a re-scan only once per buffer.
    private bool ReadRecord()
    {
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return false;
            }
            var result = TryParse(out var next, out var lines);
            if (result)
            {
                if (!Utf8.IsValid(_buffer.AsSpan(_start, next - _start)))
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.InvalidUtf8(_path, _line));
                }
                _rowLine = _line;
                _line += lines;
                _consumed += next - _start;
                _start = next;
                return true;
            }
            if (!Fill())
            {
                // The end of the file ends the last record, unless a quote is still open.
                if (TryParse(out var last, out var lastLines, atEnd: true))
                {
                    if (!Utf8.IsValid(_buffer.AsSpan(_start, last - _start)))
                    {
                        throw LineageHubException.InvalidInput(DatasetMessages.InvalidUtf8(_path, _line));
                    }
                    _rowLine = _line;
                    _line += lastLines;
                    _consumed += last - _start;
                    _start = last;
                    return true;
                }
                throw LineageHubException.InvalidInput(DatasetMessages.UnterminatedQuote(_path, _line));
            }
        }
    }

    private bool TryParse(out int next, out long lines, bool atEnd = false)
    {
        _fields.Clear();
        _unescaped.Clear();
        var span = _buffer.AsSpan(0, _end);
        var i = _start;
        lines = 0;
        next = 0;
        while (true)
        {
            var fieldNumber = _fields.Count + 1;
            if (i < span.Length && span[i] == '"')
            {
                // Quoted: "" is one quote; the field ends at a quote followed by a delimiter or line end.
                var contentStart = i + 1;
                var j = contentStart;
                var escaped = false;
                while (true)
                {
                    var q = span[j..].IndexOf((byte)'"');
                    if (q < 0)
                    {
                        return false;
                    }
                    lines += span.Slice(j, q).Count((byte)'\n');
                    j += q;
                    if (j + 1 < span.Length && span[j + 1] == '"')
                    {
                        escaped = true;
                        j += 2;
                        continue;
                    }
                    if (j + 1 >= span.Length && !atEnd)
                    {
                        return false;
                    }
                    break;
                }
                if (escaped)
                {
                    var at = _unescaped.Length;
                    var content = span[contentStart..j];
                    while (!content.IsEmpty)
                    {
                        var q = content.IndexOf((byte)'"');
                        if (q < 0)
                        {
                            _unescaped.Append(content);
                            break;
                        }
                        _unescaped.Append(content[..(q + 1)]);
                        content = content[(q + 2)..];
                    }
                    _fields.Add((-at - 1, _unescaped.Length - at, true));
                }
                else
                {
                    _fields.Add((contentStart, j - contentStart, true));
                }
                i = j + 1;
                if (i < span.Length && span[i] != _delimiter && span[i] != '\r' && span[i] != '\n')
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.AfterClosingQuote(_path, _line + lines, fieldNumber));
                }
            }
            else
            {
                var stop = span[i..].IndexOfAny(_unquotedStops);
                if (stop < 0)
                {
                    if (!atEnd)
                    {
                        return false;
                    }
                    stop = span.Length - i;
                }
                else if (span[i + stop] == '"')
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.QuoteInUnquotedField(_path, _line + lines, fieldNumber));
                }
                _fields.Add((i, stop, false));
                i += stop;
            }
            if (i >= span.Length)
            {
                if (!atEnd)
                {
                    return false;
                }
                next = i;
                return true;
            }
            if (span[i] == _delimiter)
            {
                i++;
                continue;
            }
            if (span[i] == '\r')
            {
                if (i + 1 >= span.Length && !atEnd)
                {
                    return false;
                }
                if (i + 1 >= span.Length || span[i + 1] != '\n')
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.BareCarriageReturn(_path, _line + lines));
                }
                i++;
            }
            next = i + 1;
            lines++;
            return true;
        }
    }
}
