using LineageHub.Core;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>Splits a stream into LF-terminated lines (a CR before the LF dropped), each at most <see cref="SnapshotFormat.MaxRowBytes"/>.</summary>
internal sealed class LineReader(string path, Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long Line { get; private set; }

    public long Consumed { get; private set; }

    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, 1);
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                line = Take(_end - _start, 0);
                return true;
            }
            Fill();
        }
    }

    public void Dispose() => stream.Dispose();

    private ReadOnlySpan<byte> Take(int length, int terminator)
    {
        var line = _buffer.AsSpan(_start, length);
        _start += length + terminator;
        Consumed += length + terminator;
        Line++;
        return line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private void Fill()
    {
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
                throw LineageHubException.InvalidInput(DatasetMessages.RowTooLong(path, Line + 1, SnapshotFormat.MaxRowBytes));
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, SnapshotFormat.MaxRowBytes));
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
    }
}
