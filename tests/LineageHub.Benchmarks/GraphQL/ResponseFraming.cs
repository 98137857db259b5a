using System.Buffers.Text;
using System.Text;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>
/// Finds where one HTTP/1.1 response ends in the bytes a connection receives (RFC 9112: a Content-Length
/// body or a chunked one), without keeping the body: the load generator needs the status and the end, not
/// the bytes. Fed in pieces as they arrive; anything malformed or over its limits is an error, so a load
/// run can never count a response it did not read through.
/// </summary>
internal sealed class ResponseFraming
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxLineBytes = 1024;

    private enum State { Head, FixedBody, ChunkSize, ChunkData, ChunkEnd, Trailer, Done }

    private readonly byte[] _head = new byte[MaxHeaderBytes];
    private int _headLength;
    private readonly byte[] _line = new byte[MaxLineBytes];
    private int _lineLength;
    private State _state;
    private long _remaining;

    /// <summary>The status code of the response being read (0 until its head is read).</summary>
    public int Status { get; private set; }

    /// <summary>The server said it closes the connection after this response.</summary>
    public bool Closes { get; private set; }

    /// <summary>The body bytes read so far (after chunk framing is removed).</summary>
    public long BodyBytes { get; private set; }

    public bool Complete => _state == State.Done;

    /// <summary>Starts on the next response.</summary>
    public void Reset()
    {
        (_state, _headLength, _lineLength, _remaining) = (State.Head, 0, 0, 0);
        (Status, Closes, BodyBytes) = (0, false, 0);
    }

    /// <summary>Reads what it can of <paramref name="data"/>; returns how many bytes belonged to this response.</summary>
    public int Feed(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (used < data.Length && _state != State.Done)
        {
            var rest = data[used..];
            used += _state switch
            {
                State.Head => FeedHead(rest),
                State.FixedBody or State.ChunkData => FeedBody(rest),
                State.ChunkEnd => FeedChunkEnd(rest),
                _ => FeedLine(rest),
            };
        }
        return used;
    }

    private int FeedHead(ReadOnlySpan<byte> data)
    {
        // The head's end may straddle two reads: look from a few bytes before the new ones.
        var searchFrom = Math.Max(0, _headLength - 3);
        var take = Math.Min(data.Length, MaxHeaderBytes - _headLength);
        data[..take].CopyTo(_head.AsSpan(_headLength));
        _headLength += take;
        var end = _head.AsSpan(searchFrom, _headLength - searchFrom).IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return _headLength < MaxHeaderBytes ? take : throw new InvalidDataException($"response head over {MaxHeaderBytes:N0} bytes");
        }
        var headEnd = searchFrom + end + 4;
        ParseHead(_head.AsSpan(0, headEnd - 2));
        return take - (_headLength - headEnd);
    }

    private void ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = head[..lineEnd];
        if (!statusLine.StartsWith("HTTP/1.1 "u8) || statusLine.Length < 12 || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var digits) || digits != 3)
        {
            throw new InvalidDataException($"not an HTTP/1.1 status line: {Encoding.ASCII.GetString(statusLine)}");
        }
        Status = status;
        long? length = null;
        var chunked = false;
        for (var rest = head[(lineEnd + 2)..]; !rest.IsEmpty;)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"malformed header line: {Encoding.ASCII.GetString(line)}");
            }
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                length = Utf8Parser.TryParse(value, out long parsed, out var used) && used == value.Length && parsed >= 0
                    ? parsed : throw new InvalidDataException($"bad Content-Length: {Encoding.ASCII.GetString(value)}");
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) ? true : throw new InvalidDataException($"unsupported Transfer-Encoding: {Encoding.ASCII.GetString(value)}");
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8) && Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                Closes = true;
            }
        }
        if (status < 200)
        {
            // Interim responses (100 Continue) come only to requests that ask for them, which ours do not.
            throw new InvalidDataException($"unexpected interim response {status}");
        }
        if (chunked)
        {
            _state = State.ChunkSize;
        }
        else if (length is { } fixedLength)
        {
            (_state, _remaining) = fixedLength == 0 ? (State.Done, 0L) : (State.FixedBody, fixedLength);
        }
        else if (status is 204 or 304)
        {
            _state = State.Done;
        }
        else
        {
            // A body that ends when the connection does cannot be told apart from a cut-off one.
            throw new InvalidDataException("response has neither Content-Length nor chunked framing");
        }
    }

    private int FeedBody(ReadOnlySpan<byte> data)
    {
        var take = (int)Math.Min(data.Length, _remaining);
        _remaining -= take;
        BodyBytes += take;
        if (_remaining == 0)
        {
            _state = _state == State.FixedBody ? State.Done : State.ChunkEnd;
        }
        return take;
    }

    // The CRLF after a chunk's data, which may arrive split across reads.
    private int FeedChunkEnd(ReadOnlySpan<byte> data)
    {
        var expected = _lineLength == 0 ? (byte)'\r' : (byte)'\n';
        if (data[0] != expected)
        {
            throw new InvalidDataException("chunk data not followed by CRLF");
        }
        if (++_lineLength == 2)
        {
            (_lineLength, _state) = (0, State.ChunkSize);
        }
        return 1;
    }

    // A chunk-size line or a trailer line: gathered until its LF, then acted on.
    private int FeedLine(ReadOnlySpan<byte> data)
    {
        var lf = data.IndexOf((byte)'\n');
        var take = lf < 0 ? data.Length : lf + 1;
        if (_lineLength + take > MaxLineBytes)
        {
            throw new InvalidDataException($"chunk line over {MaxLineBytes:N0} bytes");
        }
        data[..take].CopyTo(_line.AsSpan(_lineLength));
        _lineLength += take;
        if (lf < 0)
        {
            return take;
        }
        var line = _line.AsSpan(0, _lineLength);
        if (line.Length < 2 || line[^2] != '\r')
        {
            throw new InvalidDataException("chunk line not ended by CRLF");
        }
        line = line[..^2];
        _lineLength = 0;
        if (_state == State.Trailer)
        {
            _state = line.IsEmpty ? State.Done : State.Trailer;
            return take;
        }
        var extension = line.IndexOf((byte)';');
        var digits = extension < 0 ? line : line[..extension];
        if (!Utf8Parser.TryParse(digits, out long size, out var used, 'x') || used != digits.Length || size < 0)
        {
            throw new InvalidDataException($"bad chunk size: {Encoding.ASCII.GetString(line)}");
        }
        (_state, _remaining) = size == 0 ? (State.Trailer, 0L) : (State.ChunkData, size);
        return take;
    }
}
