namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>A row whose key is on both sides but whose values differ.</summary>
public sealed record ChangedRow(IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?> After);
