namespace LineageHub.Parquet.Meta;

/// <summary>One entry of key-value metadata on the file or a column chunk.</summary>
public sealed record KeyValue(string Key, string? Value);
