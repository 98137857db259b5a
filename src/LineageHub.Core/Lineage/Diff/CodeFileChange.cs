namespace LineageHub.Core.Lineage.Diff;

/// <summary>A file changed between two runs' code; line counts are known when the repository was reachable (null for binary files).</summary>
public sealed record CodeFileChange(string Path, FileChangeKind Kind, int? LinesAdded = null, int? LinesDeleted = null, string? OldPath = null);
