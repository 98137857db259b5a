namespace LineageHub.Parquet.Meta;

/// <summary>Where one data page starts and which row it begins with (page index, parquet.thrift <c>PageLocation</c>).</summary>
public sealed record PageLocation(long Offset, int CompressedPageSize, long FirstRowIndex);
