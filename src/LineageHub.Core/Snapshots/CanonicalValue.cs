namespace LineageHub.Core.Snapshots;

/// <summary>One value of a row: its type tag and its text in normal form.</summary>
public sealed record CanonicalValue(ValueTag Tag, string Text);
