namespace LineageHub.Core.Snapshots;

/// <summary>One changed stretch of a table: its key range (null without a key), and the rows and chunks it covers before and after.</summary>
public sealed record ChangedRange(string? FirstKey, string? LastKey, long? FirstRowBefore, long RowsBefore, long? FirstRowAfter, long RowsAfter, int ChunksBefore, int ChunksAfter);
