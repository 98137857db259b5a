namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// Rows compared exactly, from the files: by key over the columns both sides have (so a dropped column does
/// not make every row "changed"), or as multisets of rows without a key.
/// </summary>
public sealed record ExactRowDiff(long Added, long Removed, long Changed, IReadOnlyList<string> ComparedColumns, IReadOnlyList<RowSample> Sample);
