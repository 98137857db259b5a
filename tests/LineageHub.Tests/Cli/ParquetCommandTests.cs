using System.Text;
using System.Text.Json;
using LineageHub.Parquet;
using LineageHub.Parquet.Json;
using LineageHub.Testing;

namespace LineageHub.Tests.Cli;

/// <summary>
/// <c>lineagehub parquet schema|cat</c> as a user runs them. The values themselves are held to DuckDB by the
/// Parquet reader's differential tests; these check that the verbs print exactly what the reader produces and
/// turn every bad file into a clear error and an exit code.
/// </summary>
public sealed class ParquetCommandTests
{
    private const string Data = "parquet-testing/data";

    [CorpusFact(Data)]
    public async Task Cat_PrintsTheReadersJsonLines_ProjectedAndLimited()
    {
        var file = CorpusFile(Data, "alltypes_plain.parquet");

        var (exitCode, output, error) = await LineageHubProcess.RunAsync("parquet", "cat", file, "--columns", "string_col,id", "--limit", "3");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(ReaderOutput(file, (r, s) => ParquetJsonLinesWriter.WriteRows(r, s, ["string_col", "id"], 3)), output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["string_col", "id"], JsonDocument.Parse(lines[0]).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [CorpusFact(Data)]
    public async Task Cat_WithoutOptions_PrintsEveryRow()
    {
        var file = CorpusFile(Data, "nested_lists.snappy.parquet");

        var (exitCode, output, _) = await LineageHubProcess.RunAsync("parquet", "cat", file);

        Assert.Equal(0, exitCode);
        using var reader = ParquetReader.Open(file);
        Assert.Equal(reader.Metadata.NumRows, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(ReaderOutput(file, (r, s) => ParquetJsonLinesWriter.WriteRows(r, s)), output);
    }

    [CorpusFact(Data)]
    public async Task Schema_PrintsTheReadersSchemaJson()
    {
        var file = CorpusFile(Data, "alltypes_plain.parquet");

        var (exitCode, output, _) = await LineageHubProcess.RunAsync("parquet", "schema", file);

        Assert.Equal(0, exitCode);
        Assert.Equal(ReaderOutput(file, (r, s) => ParquetJsonLinesWriter.WriteSchema(r, s)), output);
        Assert.Equal(8, JsonDocument.Parse(output).RootElement.GetProperty("num_rows").GetInt64());
    }

    [CorpusFact(Data)]
    public async Task Cat_OfAnUnknownColumn_ExitsBadInputNamingItAndTheColumnsThereAre()
    {
        var file = CorpusFile(Data, "alltypes_plain.parquet");

        var (exitCode, output, error) = await LineageHubProcess.RunAsync("parquet", "cat", file, "--columns", "id,no_such");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {file}: {ParquetErrors.UnknownColumn}: 'no_such' (columns: id, bool_col,", error, StringComparison.Ordinal);
    }

    [CorpusFact("parquet-testing/bad_data")]
    public async Task Cat_OfADamagedFile_ExitsBadInputWithTheReadersEvidence()
    {
        var file = CorpusFile("parquet-testing/bad_data", "ARROW-GH-41317.parquet");

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("parquet", "cat", file);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: {file}: {ParquetErrors.ColumnChunk}: column 'timestamp_us_no_tz'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [CorpusFact(Data)]
    public async Task Cat_OfAnEncryptedFile_SaysEncryptionIsNotSupported()
    {
        var file = CorpusFile(Data, "uniform_encryption.parquet.encrypted");

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("parquet", "schema", file);

        Assert.Equal(2, exitCode);
        Assert.Contains(ParquetErrors.Encrypted, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cat_OfAMissingFile_ExitsNotFound()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.parquet");

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("parquet", "cat", missing);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: no file {missing}\n", error);
    }

    [Fact]
    public async Task Cat_WithANegativeLimit_ExitsBadInput()
    {
        var (exitCode, _, error) = await LineageHubProcess.RunAsync("parquet", "cat", "any.parquet", "--limit", "-1");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --limit must not be negative, got -1\n", error);
    }

    private static string CorpusFile(string folder, string name) => Path.Combine(Corpus.Folder(folder)!, name);

    private static string ReaderOutput(string file, Action<ParquetReader, Stream> write)
    {
        using var reader = ParquetReader.Open(file);
        using var buffer = new MemoryStream();
        write(reader, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
