using LineageHub.Core.Consent;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// One consent batch as a sampler reads it: each subject's excerpt found by binary search, since the batch
/// is sorted by subject, with the batch's own inclusion paths.
/// </summary>
internal sealed class SampledBatch(ConsentRecordBatch batch)
{
    public BatchExcerpt Excerpt(SubjectPseudonym subject)
    {
        var first = LowerBound(subject);
        var end = first;
        while (end < batch.Count && SubjectOf(end) == subject)
        {
            end++;
        }
        var matching = new List<BatchLeaf>(end - first);
        for (var i = first; i < end; i++)
        {
            matching.Add(Leaf(i));
        }
        return new BatchExcerpt(batch.Root, batch.Count, first > 0 ? Leaf(first - 1) : null, matching, end < batch.Count ? Leaf(end) : null);
    }

    private SubjectPseudonym SubjectOf(int index) => SubjectPseudonym.Read(batch.RecordBytes(index)[1..]);

    // The first record whose subject is not below the given one.
    private int LowerBound(SubjectPseudonym subject)
    {
        int low = 0, high = batch.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (SubjectOf(middle) < subject)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private BatchLeaf Leaf(int index) => new(index, batch.RecordBytes(index).ToArray(), batch.InclusionProof(index));
}
