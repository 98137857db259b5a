using System.Buffers.Text;
using System.Text;

namespace LineageHub.Connectors.Git.Parsing;

/// <summary>
/// Parses one <c>git ls-tree -l -z</c> record: <c>MODE SP TYPE SP OID SP+ SIZE TAB PATH</c>, where SIZE
/// is right-aligned (hence the run of spaces) and <c>-</c> for a submodule, and PATH is raw bytes.
/// </summary>
internal static class LsTreeParser
{
    public static GitFileEntry Parse(ReadOnlySpan<byte> record, Func<string, Exception> malformed)
    {
        var tab = record.IndexOf((byte)'\t');
        if (tab < 0)
        {
            throw malformed($"tree entry '{GitText.FromBytes(record)}' has no tab before its path");
        }

        var header = record[..tab];
        var path = record[(tab + 1)..];
        Span<Range> fields = stackalloc Range[5];
        var count = Fields.SplitOnSpaces(header, fields);
        if (count != 4 || path.IsEmpty)
        {
            throw malformed($"tree entry '{GitText.FromBytes(header)}' does not have 4 fields and a path");
        }

        var mode = Encoding.ASCII.GetString(header[fields[0]]);
        if (!GitObjectId.TryParse(header[fields[2]], out var id))
        {
            throw malformed($"tree entry for '{GitText.FromBytes(path)}' has no object id");
        }

        long? size = null;
        var sizeText = header[fields[3]];
        if (!sizeText.SequenceEqual("-"u8))
        {
            if (!Utf8Parser.TryParse(sizeText, out long parsed, out var consumed) || consumed != sizeText.Length || parsed < 0)
            {
                throw malformed($"tree entry for '{GitText.FromBytes(path)}' has a size that is not a number");
            }

            size = parsed;
        }

        return new GitFileEntry(GitText.FromBytes(path), mode, GitFileEntry.KindOf(mode), id, size);
    }
}
