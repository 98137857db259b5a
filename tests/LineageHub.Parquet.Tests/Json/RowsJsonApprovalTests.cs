using LineageHub.Testing;
using LineageHub.Parquet.Tests.Support;

namespace LineageHub.Parquet.Tests.Json;

/// <summary>The exact JSON Lines text is a public contract (the <c>parquet cat</c> verb prints it): pinned here for a few rows.</summary>
public sealed class RowsJsonApprovalTests
{
    [CorpusFact(ParquetCorpus.Folder)]
    public void WriteRows_AllTypesPlain_FirstRowIsApproved()
    {
        Assert.Equal(
            """{"id":4,"bool_col":true,"tinyint_col":0,"smallint_col":0,"int_col":0,"bigint_col":0,"float_col":0,"double_col":0,"date_string_col":"MDMvMDEvMDk=","string_col":"MA==","timestamp_col":"2009-03-01T00:00:00.000000000"}""",
            Read.JsonLines(Support.ParquetCorpus.DataFile("alltypes_plain.parquet"))[0]);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void WriteRows_NestedImpalaFile_FirstRowIsApproved()
    {
        Assert.Equal(
            """{"id":1,"int_array":[1,2,3],"int_array_Array":[[1,2],[3,4]],"int_map":[{"key":"k1","value":1},{"key":"k2","value":100}],"int_Map_Array":[[{"key":"k1","value":1}]],"nested_struct":{"A":1,"b":[1],"C":{"d":[[{"E":10,"F":"aaa"},{"E":-10,"F":"bbb"}],[{"E":11,"F":"c"}]]},"g":[{"key":"foo","value":{"H":{"i":[1.1]}}}]}}""",
            Read.JsonLines(Support.ParquetCorpus.DataFile("nullable.impala.parquet"))[0]);
    }

    [CorpusFact(ParquetCorpus.Folder)]
    public void WriteRows_Projection_OnlyNamedColumnsInOrder()
    {
        Assert.Equal(
            """{"string_col":"MA==","id":4}""",
            Read.JsonLines(Support.ParquetCorpus.DataFile("alltypes_plain.parquet"), ["string_col", "id"])[0]);
    }
}
