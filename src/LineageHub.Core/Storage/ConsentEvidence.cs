using LineageHub.Core.Consent;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Storage;

/// <summary>The bulk data one change set commits to: subject sets of the versions it registers, consent batches it records.</summary>
public sealed record ConsentEvidence(IReadOnlyList<SubjectSet> SubjectSets, IReadOnlyList<ConsentRecordBatch> ConsentBatches)
{
    public static ConsentEvidence None { get; } = new([], []);
}
