namespace LineageHub.Core.Lineage.Diff;

/// <summary>One row of a data diff's sample: its values before and after (null on the side that lacks the row).</summary>
public sealed record RowSample(IReadOnlyDictionary<string, string?>? Before, IReadOnlyDictionary<string, string?>? After);
