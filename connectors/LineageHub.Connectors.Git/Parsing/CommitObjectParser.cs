using System.Buffers.Text;
using System.Text;

namespace LineageHub.Connectors.Git.Parsing;

/// <summary>
/// Parses a raw commit object (git's object format: header lines, a blank line, the message). Raw
/// objects are read instead of formatted log output so messages keep their exact bytes — git would
/// otherwise re-encode them — and so a message can never be mistaken for a separator.
/// </summary>
internal static class CommitObjectParser
{
    private static ReadOnlySpan<byte> Tree => "tree"u8;

    private static ReadOnlySpan<byte> Parent => "parent"u8;

    private static ReadOnlySpan<byte> Author => "author"u8;

    private static ReadOnlySpan<byte> Committer => "committer"u8;

    private static ReadOnlySpan<byte> EncodingHeader => "encoding"u8;

    /// <param name="id">The commit's id, as cat-file reported it.</param>
    /// <param name="data">The object bytes kept (all of them, or the first part when truncated).</param>
    /// <param name="truncated">True when the object was longer than <paramref name="data"/>.</param>
    /// <param name="maxMessageBytes">The message limit.</param>
    /// <param name="malformed">Builds the exception for an object that is not a commit.</param>
    public static GitCommitInfo Parse(
        GitObjectId id,
        ReadOnlySpan<byte> data,
        bool truncated,
        int maxMessageBytes,
        Func<string, Exception> malformed)
    {
        GitObjectId? tree = null;
        var parents = new List<GitObjectId>(2);
        GitPerson? author = null;
        GitPerson? committer = null;
        string? encodingName = null;
        var message = ReadOnlySpan<byte>.Empty;

        var rest = data;
        while (!rest.IsEmpty)
        {
            var lineEnd = rest.IndexOf((byte)'\n');
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 1)..];
            if (line.IsEmpty)
            {
                message = rest;
                break;
            }

            if (line[0] == (byte)' ')
            {
                continue; // continuation of a multi-line header (gpgsig, mergetag)
            }

            var space = line.IndexOf((byte)' ');
            if (space <= 0)
            {
                continue; // a header without a value: nothing we need
            }

            var key = line[..space];
            var value = line[(space + 1)..];
            if (key.SequenceEqual(Tree) && tree is null)
            {
                tree = ParseId(value, id, "tree", malformed);
            }
            else if (key.SequenceEqual(Parent))
            {
                parents.Add(ParseId(value, id, "parent", malformed));
            }
            else if (key.SequenceEqual(Author) && author is null)
            {
                author = ParsePerson(value);
            }
            else if (key.SequenceEqual(Committer) && committer is null)
            {
                committer = ParsePerson(value);
            }
            else if (key.SequenceEqual(EncodingHeader))
            {
                encodingName = Encoding.ASCII.GetString(value).Trim();
            }
        }

        if (tree is null || author is null || committer is null)
        {
            throw malformed($"commit {id} lacks a {(tree is null ? "tree" : author is null ? "author" : "committer")} header");
        }

        var messageTruncated = truncated;
        if (message.Length > maxMessageBytes)
        {
            message = message[..maxMessageBytes];
            messageTruncated = true;
        }

        return new GitCommitInfo(
            id,
            tree.Value,
            parents,
            author,
            committer,
            GitText.FromBytes(message, ResolveEncoding(encodingName)),
            encodingName,
            messageTruncated);
    }

    private static GitObjectId ParseId(ReadOnlySpan<byte> value, GitObjectId commit, string header, Func<string, Exception> malformed) =>
        GitObjectId.TryParse(value, out var parsed)
            ? parsed
            : throw malformed($"commit {commit} has a {header} header that is not an object id");

    /// <summary>
    /// Parses git's ident line: <c>NAME &lt;EMAIL&gt; SECONDS ±HHMM</c>. Broken idents (fsck warns of
    /// them, old tools wrote them) degrade to what can be read instead of failing the whole capture.
    /// </summary>
    internal static GitPerson ParsePerson(ReadOnlySpan<byte> value)
    {
        var open = value.IndexOf((byte)'<');
        var close = value.LastIndexOf((byte)'>');
        if (open < 0 || close < open)
        {
            return new GitPerson(GitText.FromBytes(value), GitText.FromString(string.Empty), DateTimeOffset.UnixEpoch, "+0000");
        }

        var name = value[..open].TrimEnd((byte)' ');
        var email = value[(open + 1)..close];
        var date = value[(close + 1)..].Trim((byte)' ');
        var split = date.IndexOf((byte)' ');
        var seconds = split < 0 ? date : date[..split];
        var zone = split < 0 ? "+0000"u8 : date[(split + 1)..].Trim((byte)' ');

        if (!Utf8Parser.TryParse(seconds, out long unixSeconds, out var consumed) || consumed != seconds.Length)
        {
            unixSeconds = 0;
        }

        unixSeconds = Math.Clamp(unixSeconds, DateTimeOffset.MinValue.ToUnixTimeSeconds(), DateTimeOffset.MaxValue.ToUnixTimeSeconds());
        var when = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var rawOffset = Encoding.ASCII.GetString(zone);
        if (TryParseOffset(zone, out var offset))
        {
            var local = when.ToUniversalTime().UtcDateTime + offset;
            if (local >= DateTime.MinValue.AddDays(1) && local <= DateTime.MaxValue.AddDays(-1))
            {
                when = when.ToOffset(offset);
            }
        }

        return new GitPerson(GitText.FromBytes(name), GitText.FromBytes(email), when, rawOffset);
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length != 5 || (zone[0] != (byte)'+' && zone[0] != (byte)'-'))
        {
            return false;
        }

        for (var i = 1; i < 5; i++)
        {
            if (zone[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        var hours = ((zone[1] - '0') * 10) + (zone[2] - '0');
        var minutes = ((zone[3] - '0') * 10) + (zone[4] - '0');
        if (minutes >= 60 || hours > 14 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == (byte)'-')
        {
            offset = -offset;
        }

        return true;
    }

    private static Encoding? ResolveEncoding(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // Legacy code pages (Shift_JIS, cp1252…) come from the code-pages provider, asked directly so
            // we do not register it process-wide. Unknown names give null: the bytes show as escaped UTF-8.
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }
}
