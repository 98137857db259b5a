namespace LineageHub.Core.Lineage.Diff;

/// <summary>A column on both sides whose values are of other types (snapshot value tags, e.g. R for number, S for string).</summary>
public sealed record ColumnRetype(string Column, IReadOnlyList<string> From, IReadOnlyList<string> To);
