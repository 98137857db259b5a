namespace LineageHub.Parquet.Meta;

/// <summary>The header before every page (parquet.thrift <c>PageHeader</c>).</summary>
public sealed class PageHeader
{
    public PageType Type { get; internal set; }

    public int UncompressedPageSize { get; internal set; }

    public int CompressedPageSize { get; internal set; }

    public int? Crc { get; internal set; }

    public DataPageHeader? DataPageHeader { get; internal set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; internal set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; internal set; }
}
