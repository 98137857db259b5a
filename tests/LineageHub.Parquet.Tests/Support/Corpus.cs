namespace LineageHub.Parquet.Tests.Support;

/// <summary>Finds the shared test corpus beside the repository by walking up from the test assembly.</summary>
public static class Corpus
{
    private static readonly Lazy<string?> Root = new(Find);

    public const string Folder = "shared/corpus/parquet-testing";

    /// <summary>The parquet-testing folder, or null when the corpus is absent.</summary>
    public static string? ParquetTesting => Root.Value;

    public static string Data => Path.Combine(ParquetTesting ?? throw new InvalidOperationException(MissingMessage), "data");

    public static string BadData => Path.Combine(ParquetTesting ?? throw new InvalidOperationException(MissingMessage), "bad_data");

    public static string MissingMessage => $"corpus folder ../{Folder} not found beside the repository (searched upwards from {AppContext.BaseDirectory})";

    public static string DataFile(string relative) => Path.Combine(Data, relative);

    /// <summary>Every Parquet file under data/, relative to it, sorted.</summary>
    public static IEnumerable<string> DataFiles() => ParquetTesting is null
        ? []
        : Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".parquet.encrypted", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Data, f))
            .Order(StringComparer.Ordinal);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder);
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }
        return null;
    }
}
