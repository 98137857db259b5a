using LineageHub.Parquet.Tests.Differential;

namespace LineageHub.Parquet.Tests.Robustness;

/// <summary>Mutations of DuckDB-written files with nested types, v2 pages and DELTA encodings, beyond what the corpus holds.</summary>
public sealed class GeneratedMutationTests : IClassFixture<GeneratedFiles>
{
    private readonly GeneratedFiles _files;

    public GeneratedMutationTests(GeneratedFiles files)
    {
        _files = files;
    }

    [Theory]
    [InlineData("zstd-plain-small-v2")]
    [InlineData("snappy-dict-small-v2")]
    [InlineData("gzip-dict-large-v2")]
    public void ReadAll_MutatedDuckDbFile_ReadsOrThrowsParquetFormatException(string variant)
    {
        MutationTests.Mutate(variant, File.ReadAllBytes(_files.PathOf(variant)), 150);
    }
}
