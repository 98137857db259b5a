namespace LineageHub.Core.Snapshots;

/// <summary>One value of a proven row: the column's name, the value's tag letter (N B R D T S J X) and its normal-form text.</summary>
public sealed record RowProofColumn(string Name, string Type, string? Value);
