namespace LineageHub.Connectors.Git.Parsing;

/// <summary>What <c>git status --porcelain=v2 --branch -z</c> says about a working tree, counted.</summary>
internal sealed class StatusSummary
{
    public GitObjectId? Head { get; private set; }

    public GitText? Branch { get; private set; }

    public int TrackedChanges { get; private set; }

    public int Untracked { get; private set; }

    private bool _expectOriginalPath;

    /// <summary>Takes one NUL-terminated record (git-status(1), "Porcelain Format Version 2").</summary>
    public void Add(ReadOnlySpan<byte> record, Func<string, Exception> malformed)
    {
        if (_expectOriginalPath)
        {
            // A rename or copy entry ("2 …") is followed by a record holding the original path.
            _expectOriginalPath = false;
            return;
        }

        if (record.Length < 2 || record[1] != (byte)' ')
        {
            throw malformed($"status record '{GitText.FromBytes(record)}' does not start with a type and a space");
        }

        switch (record[0])
        {
            case (byte)'#':
                AddHeader(record[2..]);
                break;
            case (byte)'1':
            case (byte)'u':
                TrackedChanges++;
                break;
            case (byte)'2':
                TrackedChanges++;
                _expectOriginalPath = true;
                break;
            case (byte)'?':
                Untracked++;
                break;
            case (byte)'!':
                break; // ignored files: not part of the code
            default:
                throw malformed($"status record type '{(char)record[0]}' is unknown");
        }
    }

    private void AddHeader(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("branch.oid "u8))
        {
            Head = GitObjectId.TryParse(header["branch.oid "u8.Length..], out var id) ? id : null; // "(initial)" when unborn
        }
        else if (header.StartsWith("branch.head "u8))
        {
            var name = header["branch.head "u8.Length..];
            Branch = name.SequenceEqual("(detached)"u8) ? null : GitText.FromBytes(name);
        }
    }
}
