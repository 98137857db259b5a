using System.Buffers.Text;
using System.Text;

namespace LineageHub.Connectors.Git.Parsing;

/// <summary>
/// Parses <c>git diff-tree -r -z --raw --numstat</c>: first one raw record per changed file
/// (<c>:OLDMODE NEWMODE OLDOID NEWOID STATUS</c> NUL PATH NUL, with a second path for renames and
/// copies), then one numstat record per file in the same order (<c>ADDED TAB DELETED TAB PATH</c> NUL,
/// or for renames <c>ADDED TAB DELETED TAB</c> NUL OLD NUL NEW NUL; <c>-</c> counts for binary files).
/// See git-diff-tree(1), "Raw output format" and "Other diff formats".
/// </summary>
internal sealed class DiffParser(Func<string, Exception> malformed)
{
    private readonly List<RawRecord> _raw = [];
    private readonly List<GitFileChange> _changes = [];
    private State _state = State.Header;
    private RawRecord? _current;
    private (long? Added, long? Deleted) _counts;

    private enum State
    {
        Header,
        RawPath,
        RawNewPath,
        NumstatOldPath,
        NumstatNewPath,
    }

    public IReadOnlyList<GitFileChange> Changes => _changes;

    public void Add(ReadOnlySpan<byte> token)
    {
        switch (_state)
        {
            case State.RawPath:
                _current!.Path = GitText.FromBytes(token);
                _state = _current.HasTwoPaths ? State.RawNewPath : State.Header;
                break;
            case State.RawNewPath:
                _current!.OldPath = _current.Path;
                _current.Path = GitText.FromBytes(token);
                _state = State.Header;
                break;
            case State.NumstatOldPath:
                _state = State.NumstatNewPath;
                break;
            case State.NumstatNewPath:
                Complete();
                _state = State.Header;
                break;
            default:
                if (!token.IsEmpty && token[0] == (byte)':')
                {
                    _current = ParseRawHeader(token[1..]);
                    _raw.Add(_current);
                    _state = State.RawPath;
                }
                else
                {
                    ParseNumstat(token);
                }

                break;
        }
    }

    public void Finish()
    {
        if (_state != State.Header || _changes.Count != _raw.Count)
        {
            throw malformed($"{_raw.Count} raw records but {_changes.Count} numstat records");
        }
    }

    private void ParseNumstat(ReadOnlySpan<byte> token)
    {
        var firstTab = token.IndexOf((byte)'\t');
        var secondTab = firstTab < 0 ? -1 : token[(firstTab + 1)..].IndexOf((byte)'\t');
        if (secondTab < 0)
        {
            throw malformed($"numstat record '{GitText.FromBytes(token)}' lacks two tab-separated counts");
        }

        secondTab += firstTab + 1;
        _counts = (ParseCount(token[..firstTab]), ParseCount(token[(firstTab + 1)..secondTab]));
        if (secondTab + 1 == token.Length)
        {
            _state = State.NumstatOldPath; // rename or copy: the two paths follow as their own records
        }
        else
        {
            Complete();
        }
    }

    private long? ParseCount(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("-"u8))
        {
            return null;
        }

        return Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length && value >= 0
            ? value
            : throw malformed($"numstat count '{GitText.FromBytes(text)}' is not a number");
    }

    private void Complete()
    {
        if (_changes.Count >= _raw.Count)
        {
            throw malformed("more numstat records than raw records");
        }

        var raw = _raw[_changes.Count];
        var binary = _counts.Added is null || _counts.Deleted is null;
        _changes.Add(new GitFileChange(
            raw.Kind, raw.Path!, raw.OldPath, raw.OldMode, raw.NewMode, raw.OldId, raw.NewId, raw.Similarity,
            binary ? null : _counts.Added, binary ? null : _counts.Deleted, binary));
    }

    private RawRecord ParseRawHeader(ReadOnlySpan<byte> header)
    {
        // OLDMODE SP NEWMODE SP OLDOID SP NEWOID SP STATUS[SCORE]
        Span<Range> fields = stackalloc Range[6];
        var count = Fields.SplitOnSpaces(header, fields);
        if (count != 5 ||
            !GitObjectId.TryParse(header[fields[2]], out var oldId) ||
            !GitObjectId.TryParse(header[fields[3]], out var newId) ||
            header[fields[4]].IsEmpty)
        {
            throw malformed($"raw diff record ':{GitText.FromBytes(header)}' does not have 5 fields");
        }

        var status = header[fields[4]];
        int? similarity = null;
        if (status.Length > 1 && Utf8Parser.TryParse(status[1..], out int score, out var consumed) && consumed == status.Length - 1)
        {
            similarity = score;
        }

        var kind = (char)status[0] switch
        {
            'A' => GitFileChangeKind.Added,
            'D' => GitFileChangeKind.Deleted,
            'M' => GitFileChangeKind.Modified,
            'R' => GitFileChangeKind.Renamed,
            'C' => GitFileChangeKind.Copied,
            'T' => GitFileChangeKind.TypeChanged,
            _ => GitFileChangeKind.Other,
        };
        return new RawRecord(
            kind,
            Encoding.ASCII.GetString(header[fields[0]]),
            Encoding.ASCII.GetString(header[fields[1]]),
            oldId,
            newId,
            kind == GitFileChangeKind.Modified ? null : similarity);
    }

    private sealed record RawRecord(GitFileChangeKind Kind, string OldMode, string NewMode, GitObjectId OldId, GitObjectId NewId, int? Similarity)
    {
        public bool HasTwoPaths => Kind is GitFileChangeKind.Renamed or GitFileChangeKind.Copied;

        public GitText? Path { get; set; }

        public GitText? OldPath { get; set; }
    }
}
