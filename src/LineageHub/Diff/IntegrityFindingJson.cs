namespace LineageHub.Diff;

/// <summary>An input whose newest verification failed, as JSON.</summary>
public sealed record IntegrityFindingJson(string Version, string Sides, string Outcome, DateTimeOffset CheckedAt, string? Evidence);
