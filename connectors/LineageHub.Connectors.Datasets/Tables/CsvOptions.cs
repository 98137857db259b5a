using System.Text;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>How a CSV file is read: its delimiter (',' by default) and text encoding (UTF-8 by default).</summary>
public sealed record CsvOptions(byte Delimiter = (byte)',', Encoding? Encoding = null)
{
    /// <summary>The delimiter a file gets when none is given: tab for a .tsv file, else ','.</summary>
    public static byte DefaultDelimiter(string path) => path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? (byte)'\t' : (byte)',';

    public static CsvOptions Parse(string? delimiter, string? encoding, bool tab)
    {
        var d = tab ? "\t" : delimiter ?? ",";
        if (d == "\\t")
        {
            d = "\t";
        }
        if (d.Length != 1 || d[0] > 127 || d[0] is '"' or '\r' or '\n')
        {
            throw Core.LineageHubException.InvalidInput(DatasetMessages.BadDelimiter(d));
        }
        Encoding? e = null;
        if (encoding is not null && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                e = encoding.Equals("latin1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : Encoding.GetEncoding(encoding);
            }
            catch (ArgumentException)
            {
                throw Core.LineageHubException.InvalidInput(DatasetMessages.BadEncoding(encoding));
            }
        }
        return new CsvOptions((byte)d[0], e);
    }
}
