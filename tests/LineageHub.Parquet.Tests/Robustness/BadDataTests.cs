using LineageHub.Testing;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Robustness;

/// <summary>The corpus's bad_data files, each a reported crash of some reader, end in a ParquetFormatException.</summary>
public sealed class BadDataTests
{
    /// <summary>
    /// ARROW-GH-43605 reproduces a reader crash, not a corrupt file: an RLE run at bit width 0 is valid and means
    /// every dictionary index is 0 (DuckDB reads it the same way), so it must read rather than fail.
    /// </summary>
    public const string ValidDespiteItsFolder = "ARROW-GH-43605.parquet";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (Support.ParquetCorpus.ParquetTesting is not null)
        {
            foreach (var f in Directory.EnumerateFiles(Support.ParquetCorpus.BadData, "*.parquet").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(f) != ValidDespiteItsFolder)
                {
                    data.Add(Path.GetFileName(f));
                }
            }
        }
        return data;
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(Files), DisableDiscoveryEnumeration = true)]
    public void ReadAll_BadDataFile_ThrowsParquetFormatException(string file)
    {
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Read.JsonLines(Path.Combine(Support.ParquetCorpus.BadData, file)));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadAll_DictionaryIndicesAtBitWidthZero_ReadAsIndexZero()
    {
        var rows = Read.JsonLines(Path.Combine(Support.ParquetCorpus.BadData, ValidDespiteItsFolder));
        Assert.Equal(21186, rows.Length);
        Assert.All(rows, r => Assert.Equal("{\"min_fl\":0}", r));
    }
}
