using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// What a lineage diff learns beyond the graph: finer data and code differences, and consent outcomes.
/// <see cref="RecordedEvidence"/> reads only what the store holds; a CLI next to the data adds exact rows
/// from the files and line counts from a checkout.
/// </summary>
public interface ILineageDiffEvidence
{
    /// <summary>Refines the difference of two versions of a dataset, given what their records already tell.</summary>
    Task<DataChange> DescribeDataAsync(DatasetVersion from, DatasetVersion to, DataChange recorded, CancellationToken cancellationToken);

    /// <summary>Refines the difference of a job's code on the two sides, given what the graph already tells.</summary>
    Task<CodeChange> DescribeCodeAsync(CodeChange recorded, CancellationToken cancellationToken);

    /// <summary>The outcome of the consent proof for a compared node, or null when no proof exists.</summary>
    Task<string?> ConsentOutcomeAsync(NodeKey node, CancellationToken cancellationToken);
}
