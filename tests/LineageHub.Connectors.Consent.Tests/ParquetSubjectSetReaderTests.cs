using LineageHub.Connectors.Consent.Exports;
using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core;
using LineageHub.Testing;

namespace LineageHub.Connectors.Consent.Tests;

// parquet-testing ships TPC-DS customer tables in Parquet beside the same rows as CSV: a subject set read
// from either must be the same set, for string ids and integer ids alike (the required-column table's
// Parquet names end in a colon; its CSV's do not).
public sealed class ParquetSubjectSetReaderTests
{
    private const string Folder = "parquet-testing/data";

    private static string Data(string file) => Path.Combine(Corpus.Folder(Folder)!, file);

    [CorpusTheory(Folder)]
    [InlineData("delta_byte_array", "c_customer_id", "c_customer_id")]
    [InlineData("delta_encoding_required_column", "c_customer_sk:", "c_customer_sk")]
    [InlineData("delta_encoding_optional_column", "c_customer_sk", "c_customer_sk")]
    public void ParquetColumn_GivesTheSetOfTheSameColumnInCsv(string table, string column, string csvColumn)
    {
        var (parquet, reference) = ParquetSubjectSetReader.Read(Data(table + ".parquet"), [column], TestSecret.Pseudonymizer);
        var (csv, _) = SubjectSetReader.Read(Data(table + "_expect.csv"), ExportFormat.Csv, [csvColumn], TestSecret.Pseudonymizer);

        Assert.True(parquet.Count > 50, $"{table}.{column} gave {parquet.Count} subjects");
        Assert.Equal(csv.Count, parquet.Count);
        Assert.Equal(csv.Root, parquet.Root);
        Assert.Equal(parquet.Root, reference.Root);
        Assert.Equal([column], reference.Columns);
    }

    [CorpusFact(Folder)]
    public void SeveralColumns_GiveTheUnionOfTheirSubjects()
    {
        var path = Data("delta_encoding_optional_column.parquet");
        var (one, _) = ParquetSubjectSetReader.Read(path, ["c_customer_sk"], TestSecret.Pseudonymizer);
        var (other, _) = ParquetSubjectSetReader.Read(path, ["c_current_cdemo_sk"], TestSecret.Pseudonymizer);

        var (both, _) = ParquetSubjectSetReader.Read(path, ["c_customer_sk", "c_current_cdemo_sk"], TestSecret.Pseudonymizer);

        Assert.Equal(one.Members.ToArray().Union(other.Members.ToArray()).Count(), both.Count);
    }

    [CorpusFact(Folder)]
    public void UnknownColumn_IsAnErrorNamingTheColumns()
    {
        var error = Assert.Throws<LineageHubException>(() => ParquetSubjectSetReader.Read(Data("delta_byte_array.parquet"), ["customer"], TestSecret.Pseudonymizer));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Contains("no subject column 'customer'", error.Message);
        Assert.Contains("c_customer_id", error.Message);
    }

    [CorpusFact(Folder)]
    public void NonIdColumn_IsRefusedWithItsType()
    {
        var error = Assert.Throws<LineageHubException>(() => ParquetSubjectSetReader.Read(Data("alltypes_plain.parquet"), ["double_col"], TestSecret.Pseudonymizer));

        Assert.Contains("subject column 'double_col' holds Double values", error.Message);
    }

    [Fact]
    public void NotParquet_IsInvalidInputNamingTheFile()
    {
        using var folder = new TemporaryDirectory();
        var path = Path.Combine(folder.Path, "rows.parquet");
        File.WriteAllText(path, "id\n1\n");

        var error = Assert.Throws<LineageHubException>(() => ParquetSubjectSetReader.Read(path, ["id"], TestSecret.Pseudonymizer));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Contains(path, error.Message);
    }
}
