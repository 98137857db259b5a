using System.Buffers.Text;

namespace LineageHub.Connectors.Git.Parsing;

/// <summary>
/// Reads <c>git cat-file --batch</c> output: per object a header line <c>OID TYPE SIZE</c>, then SIZE
/// bytes and a line feed. The size prefix bounds every read; objects longer than the keep limit are
/// read partially and the rest skipped, so a pathological commit cannot exhaust memory.
/// </summary>
internal sealed class CatFileCommitReader(GitOutputReader reader, int keepBytes, int maxMessageBytes)
{
    private GitObjectId _id;
    private long _size = -1;
    private long _skip;
    private bool _truncated;
    private int _kept;

    /// <summary>
    /// Advances over buffered output. Returns true with a commit when one is complete, false when more
    /// input is needed; <paramref name="needed"/> says how many bytes must be buffered to progress.
    /// </summary>
    public bool TryRead(out GitCommitInfo? commit, out int needed)
    {
        commit = null;
        needed = 0;
        while (true)
        {
            if (_skip > 0)
            {
                if (!reader.TrySkip(ref _skip))
                {
                    return false;
                }

                continue;
            }

            if (_size < 0)
            {
                if (!reader.TryReadRecord((byte)'\n', out var header))
                {
                    return false;
                }

                ParseHeader(header);
                continue;
            }

            if (!reader.TryReadExactly(_kept, out var data))
            {
                needed = _kept;
                return false;
            }

            commit = CommitObjectParser.Parse(_id, data, _truncated, maxMessageBytes, reader.Malformed);
            // Skip what was not kept, plus the line feed cat-file prints after each object.
            _skip = _size - _kept + 1;
            _size = -1;
            reader.TrySkip(ref _skip);
            return true;
        }
    }

    private void ParseHeader(ReadOnlySpan<byte> header)
    {
        // OID SP TYPE SP SIZE, or "NAME missing" when an object vanished between rev-list and cat-file.
        var first = header.IndexOf((byte)' ');
        var last = header.LastIndexOf((byte)' ');
        if (first <= 0 || last <= first)
        {
            throw reader.Malformed($"object header '{GitText.FromBytes(header)}' is not 'OID TYPE SIZE'");
        }

        if (!GitObjectId.TryParse(header[..first], out _id))
        {
            throw reader.Malformed($"object header '{GitText.FromBytes(header)}' does not start with an object id");
        }

        if (!header[(first + 1)..last].SequenceEqual("commit"u8))
        {
            throw reader.Malformed($"object {_id} is a '{GitText.FromBytes(header[(first + 1)..last])}', not a commit");
        }

        var sizeText = header[(last + 1)..];
        if (!Utf8Parser.TryParse(sizeText, out long size, out var consumed) || consumed != sizeText.Length || size < 0)
        {
            throw reader.Malformed($"object {_id} has a size that is not a number");
        }

        _size = size;
        _truncated = size > keepBytes;
        _kept = (int)Math.Min(size, keepBytes);
    }
}
