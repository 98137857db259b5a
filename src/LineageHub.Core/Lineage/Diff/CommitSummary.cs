namespace LineageHub.Core.Lineage.Diff;

/// <summary>A commit between two runs' commits: its id, the first line of its message, its author and time.</summary>
public sealed record CommitSummary(string Sha, string Subject, string Author, DateTimeOffset CommittedAt);
