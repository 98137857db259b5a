namespace LineageHub.Core.Lineage.Diff;

/// <summary>A keyed value on the two sides: null on the side that lacks it.</summary>
public sealed record ValueChange(string Key, string? From, string? To);
