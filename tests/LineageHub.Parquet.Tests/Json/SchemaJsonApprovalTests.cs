using LineageHub.Testing;
using System.Text;
using LineageHub.Parquet.Json;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Json;

/// <summary>The schema JSON is a public contract (the <c>parquet schema</c> verb prints it): an accidental change fails here.</summary>
public sealed class SchemaJsonApprovalTests
{
    [CorpusFact(ParquetCorpus.Folder)]
    public void WriteSchema_DecimalFile_MatchesTheApprovedJson()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("int32_decimal.parquet"));
        using var output = new MemoryStream();
        ParquetJsonLinesWriter.WriteSchema(reader, output);
        var expected = """
            {
              "num_rows": 24,
              "row_groups": 1,
              "version": 1,
              "created_by": "parquet-mr version 1.8.2 (build c6522788629e590a53eb79874b95f6c3ff11f16c)",
              "key_value_metadata": {
                "org.apache.spark.sql.parquet.row.metadata": "{\"type\":\"struct\",\"fields\":[{\"name\":\"value\",\"type\":\"decimal(4,2)\",\"nullable\":true,\"metadata\":{}}]}"
              },
              "fields": [
                {
                  "name": "value",
                  "repetition": "OPTIONAL",
                  "physical_type": "INT32",
                  "converted_type": "DECIMAL",
                  "precision": 4,
                  "scale": 2,
                  "max_definition_level": 1,
                  "max_repetition_level": 0
                }
              ]
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Encoding.UTF8.GetString(output.ToArray()));
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void WriteSchema_NestedMaps_SpellsConvertedTypesAsParquetThriftDoes()
    {
        using var reader = ParquetReader.Open(Support.ParquetCorpus.DataFile("nested_maps.snappy.parquet"));
        using var output = new MemoryStream();
        ParquetJsonLinesWriter.WriteSchema(reader, output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"converted_type\": \"MAP\"", text, StringComparison.Ordinal);
        Assert.Contains("\"converted_type\": \"UTF8\"", text, StringComparison.Ordinal);
        Assert.Contains("\"max_repetition_level\": 2", text, StringComparison.Ordinal);
    }
}
