namespace LineageHub.Diff;

/// <summary>An input added, removed or swapped: the datasets and the versions read, as text ids.</summary>
public sealed record InputChangeJson(string? FromDataset, string? FromVersion, string? ToDataset, string? ToVersion);
