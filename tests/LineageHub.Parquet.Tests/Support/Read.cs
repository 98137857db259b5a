using System.Text;
using LineageHub.Parquet.Json;

namespace LineageHub.Parquet.Tests.Support;

/// <summary>One way for tests to read a whole file, so every test exercises the same path as the CLI.</summary>
public static class Read
{
    public static string[] JsonLines(string path, IReadOnlyList<string>? columns = null)
    {
        using var reader = ParquetReader.Open(path);
        using var output = new MemoryStream();
        ParquetJsonLinesWriter.WriteRows(reader, output, columns);
        var text = Encoding.UTF8.GetString(output.ToArray());
        return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
    }
}
