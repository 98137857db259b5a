using System.Buffers;

namespace LineageHub.Connectors.Git.Parsing;

/// <summary>
/// Reads git's output stream into one pooled buffer and hands out records as spans over it, so
/// parsing allocates only the values it keeps. The buffer grows up to a record limit; a longer record
/// is an error rather than unbounded memory. Spans handed out are valid until the next call.
/// </summary>
internal sealed class GitOutputReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _commandText;
    private readonly int _maxRecordBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public GitOutputReader(Stream stream, string commandText, int maxRecordBytes)
    {
        _stream = stream;
        _commandText = commandText;
        _maxRecordBytes = maxRecordBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>True once the stream ended; buffered bytes may remain.</summary>
    public bool EndOfStream { get; private set; }

    /// <summary>Bytes buffered and not yet handed out.</summary>
    public int Buffered => _end - _start;

    public string CommandText => _commandText;

    /// <summary>Takes the next record ending in <paramref name="terminator"/> (terminator consumed, not included).</summary>
    public bool TryReadRecord(byte terminator, out ReadOnlySpan<byte> record)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var index = available.IndexOf(terminator);
        if (index < 0)
        {
            if (available.Length > _maxRecordBytes)
            {
                throw TooLarge();
            }

            record = default;
            return false;
        }

        if (index > _maxRecordBytes)
        {
            throw TooLarge();
        }

        record = available[..index];
        _start += index + 1;
        return true;
    }

    /// <summary>Takes exactly <paramref name="count"/> bytes when buffered.</summary>
    public bool TryReadExactly(int count, out ReadOnlySpan<byte> data)
    {
        if (_end - _start < count)
        {
            data = default;
            return false;
        }

        data = _buffer.AsSpan(_start, count);
        _start += count;
        return true;
    }

    /// <summary>Discards up to <paramref name="remaining"/> buffered bytes, decrementing it; true once it reaches zero.</summary>
    public bool TrySkip(ref long remaining)
    {
        var take = (int)Math.Min(remaining, _end - _start);
        _start += take;
        remaining -= take;
        return remaining == 0;
    }

    /// <summary>Whatever is buffered, consumed (used at end of stream for an unterminated last record).</summary>
    public ReadOnlySpan<byte> TakeRest()
    {
        var rest = _buffer.AsSpan(_start, _end - _start);
        _start = _end;
        return rest;
    }

    /// <summary>
    /// Reads more bytes, making room for a record of up to <paramref name="needed"/> bytes when given.
    /// Returns false at end of stream.
    /// </summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken, int needed = 0)
    {
        if (EndOfStream)
        {
            return false;
        }

        if (needed > _maxRecordBytes + 64)
        {
            throw TooLarge();
        }

        if (_start > 0 && (_start == _end || _end == _buffer.Length || needed > _buffer.Length - _start))
        {
            // Move the partial record to the front so the read has room after it.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length || needed > _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes + 64 && needed <= _buffer.Length)
            {
                throw TooLarge();
            }

            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, needed));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (read == 0)
        {
            // A killed process also ends its output: report the cancellation, not a short read.
            cancellationToken.ThrowIfCancellationRequested();
            EndOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    public GitConnectorException Malformed(string detail) =>
        new(GitErrorKind.MalformedOutput, GitMessages.MalformedOutput(_commandText, detail));

    private GitConnectorException TooLarge() =>
        new(GitErrorKind.LimitExceeded, GitMessages.RecordTooLarge(_commandText, _maxRecordBytes));

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
