
namespace LineageHub.Parquet.Tests.Support;

/// <summary>The parquet-testing folder of the shared corpus: its data/ and bad_data/ files.</summary>
public static class ParquetCorpus
{
    /// <summary>The corpus folder these tests read, as the corpus facts and theories name it.</summary>
    public const string Folder = "parquet-testing";

    /// <summary>The parquet-testing folder, or null when the corpus is absent.</summary>
    public static string? ParquetTesting => LineageHub.Testing.Corpus.Folder(Folder);

    public static string Data => Path.Combine(ParquetTesting ?? throw new InvalidOperationException(MissingMessage), "data");

    public static string BadData => Path.Combine(ParquetTesting ?? throw new InvalidOperationException(MissingMessage), "bad_data");

    public static string MissingMessage => LineageHub.Testing.Corpus.MissingReason(Folder) ?? "";

    public static string DataFile(string relative) => Path.Combine(Data, relative);

    /// <summary>Every Parquet file under data/, relative to it, sorted.</summary>
    public static IEnumerable<string> DataFiles() => ParquetTesting is null
        ? []
        : Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".parquet.encrypted", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Data, f))
            .Order(StringComparer.Ordinal);
}
