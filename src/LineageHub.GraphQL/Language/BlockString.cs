using System.Text;

namespace LineageHub.GraphQL.Language;

/// <summary>Block string value computation (spec 2.9.4 BlockStringValue) and printing.</summary>
internal static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = raw.ReplaceLineEndings("\n").Split('\n');
        int? common = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && (common is null || indent < common))
            {
                common = indent;
            }
        }
        if (common is int c && c > 0)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length >= c ? lines[i][c..] : "";
            }
        }
        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && LeadingWhitespace(lines[first]) == lines[first].Length)
        {
            first++;
        }
        while (last >= first && LeadingWhitespace(lines[last]) == lines[last].Length)
        {
            last--;
        }
        return first > last ? "" : string.Join('\n', lines, first, last - first + 1);
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }
        return i;
    }

    /// <summary>Prints a value as a block string the way graphql-js's <c>printBlockString</c> does.</summary>
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = value.Split('\n');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] == ' ' || l[0] == '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var sb = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            sb.Append('\n');
        }
        sb.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            sb.Append('\n');
        }
        return sb.Append("\"\"\"").ToString();
    }
}
