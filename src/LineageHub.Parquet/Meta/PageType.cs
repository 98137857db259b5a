namespace LineageHub.Parquet.Meta;

/// <summary>Kinds of page in a column chunk (parquet.thrift <c>PageType</c>).</summary>
public enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}
