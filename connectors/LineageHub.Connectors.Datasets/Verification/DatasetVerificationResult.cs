using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>
/// What re-verifying one dataset version found: the outcome, a one-line summary, the parts that differ, and
/// what the check did (the path read, bytes read, files skipped as unchanged in incremental mode).
/// </summary>
public sealed record DatasetVerificationResult(VerificationOutcome Outcome, string Summary)
{
    public IReadOnlyList<VerificationDifference> Differences { get; init; } = [];

    /// <summary>The local path that was checked, when the storage URI named one that may be read.</summary>
    public string? Path { get; init; }

    /// <summary>The root recomputed from the content, when it was.</summary>
    public Digest? Root { get; init; }

    /// <summary>Whether incremental mode was on for this check.</summary>
    public bool Incremental { get; init; }

    /// <summary>Files not re-read because their size and modification time were unchanged (incremental mode only).</summary>
    public int FilesSkipped { get; init; }

    public long BytesRead { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The size and modification time of each file as checked ("" for a single file, else the path relative to the folder): the baseline of the next incremental check.</summary>
    public IReadOnlyDictionary<string, FileStamp> Stamps { get; init; } = new Dictionary<string, FileStamp>();
}
