using System.Text;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>Just enough RFC 4180 to read the corpus's *_expect.csv files: quoted fields, doubled quotes; an empty unquoted field is null.</summary>
public static class Csv
{
    public static List<string?[]> Parse(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    row.Add(wasQuoted || field.Length > 0 ? field.ToString() : null);
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\n':
                    row.Add(wasQuoted || field.Length > 0 ? field.ToString() : null);
                    rows.Add([.. row]);
                    row.Clear();
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(wasQuoted || field.Length > 0 ? field.ToString() : null);
            rows.Add([.. row]);
        }
        return rows;
    }
}
