using LineageHub.Testing;
using System.Diagnostics;
using System.Text;
using LineageHub.Parquet.Json;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Robustness;

/// <summary>
/// Thousands of deterministic corruptions of good corpus files: each either reads or ends in a
/// ParquetFormatException, within a time bound, never another exception type, a hang or an out-of-memory.
/// </summary>
public sealed class MutationTests
{
    public const int MutationsPerFile = 250;

    private static readonly TimeSpan PerMutationLimit = TimeSpan.FromSeconds(10);

    /// <summary>The reader's own caps (page size, values per page) bound what one corrupt file can make it allocate.</summary>
    private const long PerMutationAllocationLimit = 1L << 30;

    public static TheoryData<string> Files() => new(
        "alltypes_plain.parquet",
        "alltypes_dictionary.parquet",
        "alltypes_tiny_pages_plain.parquet",
        "datapage_v2.snappy.parquet",
        "datapage_v1-snappy-compressed-checksum.parquet",
        "delta_binary_packed.parquet",
        "delta_byte_array.parquet",
        "delta_length_byte_array.parquet",
        "byte_stream_split.zstd.parquet",
        "rle_boolean_encoding.parquet",
        "nested_lists.snappy.parquet",
        "nested_maps.snappy.parquet",
        "nested_structs.rust.parquet",
        "nullable.impala.parquet",
        "lz4_raw_compressed.parquet",
        "hadoop_lz4_compressed.parquet",
        "concatenated_gzip_members.parquet",
        "fixed_length_decimal.parquet",
        "int96_from_spark.parquet",
        "old_list_structure.parquet");

    [CorpusTheory(ParquetCorpus.Folder)]
    [MemberData(nameof(Files), DisableDiscoveryEnumeration = true)]
    public void ReadAll_MutatedFile_ReadsOrThrowsParquetFormatException(string file)
    {
        Mutate(file, File.ReadAllBytes(Support.ParquetCorpus.DataFile(file)), MutationsPerFile);
    }

    internal static void Mutate(string file, byte[] original, int mutations)
    {
        var random = new Random(file.Aggregate(17, (h, c) => (h * 31) + c));
        var outcomes = new int[2];
        for (var i = 0; i < mutations; i++)
        {
            var (bytes, description) = Mutator.Mutate(original, random);
            var watch = Stopwatch.StartNew();
            var task = Task.Run(() => ReadEverything(bytes));
            if (!task.Wait(PerMutationLimit))
            {
                Assert.Fail($"{file}, mutation {i} ({description}): still reading after {PerMutationLimit}");
            }
            var (error, allocated) = task.Result;
            Assert.True(allocated < PerMutationAllocationLimit, $"{file}, mutation {i} ({description}) allocated {allocated:N0} bytes");
            if (error is null)
            {
                outcomes[0]++;
            }
            else if (error is ParquetFormatException)
            {
                outcomes[1]++;
            }
            else
            {
                Assert.Fail($"{file}, mutation {i} ({description}): {error.GetType().Name}: {error}");
            }
            Assert.True(watch.Elapsed < PerMutationLimit, $"{file}, mutation {i} ({description}) took {watch.Elapsed}");
        }
        Assert.True(outcomes[1] > 0, $"{file}: no mutation was detected as corrupt ({outcomes[0]} read)");
    }

    private static (Exception? Error, long Allocated) ReadEverything(byte[] bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        return (ReadOrFail(bytes), GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static Exception? ReadOrFail(byte[] bytes)
    {
        try
        {
            using var reader = ParquetReader.Open(new MemoryStream(bytes));
            using var sink = new MemoryStream();
            ParquetJsonLinesWriter.WriteRows(reader, sink);
            using var schema = new MemoryStream();
            ParquetJsonLinesWriter.WriteSchema(reader, schema);
            _ = Encoding.UTF8.GetString(sink.ToArray());
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
