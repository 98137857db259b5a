using System.Buffers;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// RFC 4180 CSV with a header row, read by hand rather than with a CSV package: the snapshot needs what
/// general parsers smooth over — an unquoted empty field (null) told apart from a quoted one (""), strict
/// quoting errors and invalid UTF-8 reported by line, and fields handed over as the file's own bytes.
/// Lines end in LF or CRLF; a row is at most <see cref="SnapshotFormat.MaxRowBytes"/> bytes.
/// </summary>
internal sealed partial class CsvRowSource : IRowSource
{
    private readonly string _path;
    private readonly Stream _stream;
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _unquotedStops;
    private readonly ByteBuffer _unescaped = new(256);
    private readonly List<(int Start, int Length, bool Quoted)> _fields = [];
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private long _rowLine;
    private long _consumed;

    public CsvRowSource(string path, Stream stream, CsvOptions options)
    {
        _path = path;
        _stream = options.Encoding is null ? stream : Encoding.CreateTranscodingStream(stream, options.Encoding, Encoding.UTF8);
        _delimiter = options.Delimiter;
        _unquotedStops = SearchValues.Create([_delimiter, (byte)'"', (byte)'\r', (byte)'\n']);
        Fill();
        if (_end - _start >= 3 && _buffer.AsSpan(_start, 3).SequenceEqual("\uFEFF"u8))
        {
            _start += 3;
        }
        if (!ReadRecord())
        {
            throw LineageHubException.InvalidInput(DatasetMessages.NoHeader(path));
        }
        var columns = new string[_fields.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Encoding.UTF8.GetString(Field(i));
        }
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public string Format => "csv";

    public long PositionToken => _rowLine;

    public string Describe(long token) => $"line {token}";

    public long BytesRead => _consumed;

    public bool Next(RowWriter writer)
    {
        if (!ReadRecord())
        {
            return false;
        }
        if (_fields.Count != Columns.Count)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.RaggedRow(_path, _rowLine, _fields.Count, Columns.Count));
        }
        writer.BeginRow();
        for (var i = 0; i < _fields.Count; i++)
        {
            var (_, length, quoted) = _fields[i];
            if (length == 0 && !quoted)
            {
                writer.SetNull(i);
            }
            else
            {
                writer.SetText(i, Field(i));
            }
        }
        writer.EndRow();
        return true;
    }

    public void Dispose() => _stream.Dispose();

    private ReadOnlySpan<byte> Field(int i)
    {
        var (start, length, quoted) = _fields[i];
        return quoted && start < 0 ? _unescaped.Span.Slice(-start - 1, length) : _buffer.AsSpan(start, length);
    }

    // Moves what is left to the front and reads more; grows the buffer for a long row, within the cap.
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= SnapshotFormat.MaxRowBytes)
            {
                throw LineageHubException.InvalidInput(DatasetMessages.RowTooLong(_path, _line, SnapshotFormat.MaxRowBytes));
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, SnapshotFormat.MaxRowBytes));
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }
}
