using LineageHub.Testing;
using LineageHub.Parquet.Tests.Corpus;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Differential;

/// <summary>Every readable corpus file: our JSON Lines equal DuckDB's rows value for value.</summary>
public sealed class CorpusDifferentialTests
{
    /// <summary>Files where DuckDB itself cannot serve as the reference, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotComparable = new Dictionary<string, string>
    {
        ["byte_stream_split_extended.gzip.parquet"] = "DuckDB reads BYTE_STREAM_SPLIT only for FLOAT and DOUBLE",
        ["hadoop_lz4_compressed.parquet"] = "DuckDB does not support the deprecated LZ4 codec",
        ["hadoop_lz4_compressed_larger.parquet"] = "DuckDB does not support the deprecated LZ4 codec",
        ["non_hadoop_lz4_compressed.parquet"] = "DuckDB does not support the deprecated LZ4 codec",
        ["map_no_value.parquet"] = "DuckDB refuses a MAP whose key_value group has no value field",
        ["int96_from_spark.parquet"] = "DuckDB wraps INT96 values beyond its timestamp range (year 290000)",
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFileTests.ReadableFiles())
        {
            if (!NotComparable.ContainsKey(f))
            {
                data.Add(f);
            }
        }
        return data;
    }

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(Files), DisableDiscoveryEnumeration = true)]
    public void Rows_CorpusFile_EqualDuckDb(string file)
    {
        var path = Support.ParquetCorpus.DataFile(file);
        var ours = Read.JsonLines(path);
        var theirs = DuckDbOracle.Rows(path);
        Compare.Rows(ours, theirs);
    }
}
