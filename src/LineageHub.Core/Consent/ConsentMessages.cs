namespace LineageHub.Core.Consent;

/// <summary>The messages of consent batches, proofs and evidence bundles, so tests assert on the same text.</summary>
public static class ConsentMessages
{
    public static string BadRecordBytes(string what) => $"not a canonical consent record: {what}";

    public static string BadBatchBytes(long offset) => $"a consent batch's records are cut short or malformed at byte {offset}";

    public static string BatchNotSorted(long index) => $"a consent batch's records must be in strictly ascending byte order; record {index} is not";

    public const string CannotProve = "cannot prove: these inputs have no subject set";

    public static string NoTrainingRun(string modelVersion) => $"{modelVersion} has no run that produced it, so there is no lineage to prove consent over";

    public static string NoRunStart(string run) => $"{run} has no start time, so the time it read its data is unknown";

    public static string PurposeMismatch(string node, string declared, string asked) =>
        $"{node} declares purpose '{declared}', not '{asked}'";

    public static string NoSubjectSetToProveAbsence(Domain.NodeKey version) => $"{version} has no subject set, so absence from it cannot be proven";
}
