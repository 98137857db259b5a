namespace LineageHub.Connectors.Git.Parsing;

/// <summary>Field splitting over byte spans (the BCL's span Split works on chars only).</summary>
internal static class Fields
{
    /// <summary>Splits on runs of spaces; returns the field count, or more than the room when there are too many.</summary>
    public static int SplitOnSpaces(ReadOnlySpan<byte> text, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == (byte)' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && text[i] != (byte)' ')
            {
                i++;
            }

            if (count == fields.Length)
            {
                return count + 1;
            }

            fields[count++] = new Range(start, i);
        }

        return count;
    }
}
