namespace LineageHub.Parquet.Pages;

/// <summary>Where a page sits, for error messages: the column, the row group, the page ordinal and its file offset.</summary>
internal readonly record struct PageContext(string Column, int RowGroup, int Page, long FileOffset)
{
    public override string ToString() => $"column '{Column}', row group {RowGroup}, page {Page} at file offset {FileOffset}";
}
