using System.Text;

namespace LineageHub.GraphQL.Language;

/// <summary>
/// A document failed to lex or parse. <see cref="Exception.Message"/> carries <c>line:column</c>, the
/// source line and a caret under the offending character; <see cref="Description"/> is the bare reason.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, string source, int position, int line, int column)
        : base(Format(description, source, position, line, column))
    {
        Description = description;
        Line = line;
        Column = column;
    }

    /// <summary>The reason alone, e.g. <c>Expected Name, found &lt;EOF&gt;.</c></summary>
    public string Description { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, in UTF-16 code units.</summary>
    public int Column { get; }

    private static string Format(string description, string source, int position, int line, int column)
    {
        var lineStart = Math.Min(Math.Max(0, position - (column - 1)), source.Length);
        var lineEnd = lineStart;
        while (lineEnd < source.Length && source[lineEnd] != '\n' && source[lineEnd] != '\r')
        {
            lineEnd++;
        }
        // Very long lines (minified documents) are windowed so the message stays readable and small.
        const int window = 120;
        var from = lineStart;
        if (column - 1 > window / 2)
        {
            from = lineStart + column - 1 - window / 2;
        }
        var to = Math.Min(lineEnd, from + window);
        var text = source[from..to].Replace('\t', ' ');
        var sb = new StringBuilder();
        sb.Append("Syntax Error: ").Append(description).Append(" (").Append(line).Append(':').Append(column).Append(")\n");
        sb.Append(line).Append(" | ").Append(text).Append('\n');
        sb.Append(' ', line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length).Append(" | ");
        sb.Append(' ', Math.Max(0, lineStart + column - 1 - from)).Append('^');
        return sb.ToString();
    }
}
