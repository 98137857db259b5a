using LineageHub.Testing;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Corpus;

public sealed class CorpusFileTests
{
    /// <summary>
    /// Files the corpus ships as deliberately broken, or that we refuse by policy, with the error we must give.
    /// large_string_map.brotli.parquet holds a single 1 GiB string key: one page decompresses to 1 GiB, beyond the
    /// default page limit, and the value would exceed .NET's maximum string length anyway.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>
    {
        ["datapage_v1-corrupt-checksum.parquet"] = ParquetErrors.Checksum,
        ["rle-dict-uncompressed-corrupt-checksum.parquet"] = ParquetErrors.Checksum,
        ["nation.dict-malformed.parquet"] = ParquetErrors.Page,
        ["large_string_map.brotli.parquet"] = ParquetErrors.Page,
    };

    public static TheoryData<string> ReadableFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Support.ParquetCorpus.DataFiles().Where(f => !f.EndsWith(".encrypted", StringComparison.Ordinal) && !Refused.ContainsKey(f)))
        {
            data.Add(f);
        }
        return data;
    }

    public static TheoryData<string> RefusedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Refused.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }
        return data;
    }

    public static TheoryData<string> EncryptedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Support.ParquetCorpus.DataFiles().Where(f => f.EndsWith(".encrypted", StringComparison.Ordinal)))
        {
            data.Add(f);
        }
        return data;
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(ReadableFiles), DisableDiscoveryEnumeration = true)]
    public void ReadAll_CorpusFile_EveryRowDecodes(string file)
    {
        var path = Support.ParquetCorpus.DataFile(file);
        using var reader = ParquetReader.Open(path);
        var lines = Read.JsonLines(path);
        Assert.Equal(reader.RowCount, lines.LongLength);
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(EncryptedFiles), DisableDiscoveryEnumeration = true)]
    public void Open_EncryptedFile_ReportsEncryptionUnsupported(string file)
    {
        var e = Assert.Throws<ParquetUnsupportedException>(() => Read.JsonLines(Support.ParquetCorpus.DataFile(file)));
        Assert.StartsWith(ParquetErrors.Encrypted, e.Message, StringComparison.Ordinal);
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(RefusedFiles), DisableDiscoveryEnumeration = true)]
    public void ReadAll_BrokenCorpusFile_ReportsTheDefect(string file)
    {
        var e = Assert.ThrowsAny<ParquetFormatException>(() => Read.JsonLines(Support.ParquetCorpus.DataFile(file)));
        Assert.StartsWith(Refused[file], e.Message, StringComparison.Ordinal);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void ReadAll_ChecksumsDisabled_ReadsCorruptChecksumFile()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("datapage_v1-corrupt-checksum.parquet"), new ParquetReaderOptions { VerifyChecksums = false });
        Assert.Equal(reader.RowCount, reader.ReadRows().LongCount());
    }
}
