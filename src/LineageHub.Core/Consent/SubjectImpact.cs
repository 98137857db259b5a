using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>
/// Where one subject's data went: the dataset versions whose subject sets hold them, what was derived from
/// those downstream (dataset versions and model versions), their consent records, and non-membership proofs
/// for versions that no longer hold them (the proof that an erasure was honoured in retraining).
/// </summary>
public sealed record SubjectImpact(
    SubjectPseudonym Subject,
    IReadOnlyList<NodeKey> ContainedIn,
    IReadOnlyList<NodeKey> Downstream,
    IReadOnlyList<NodeKey> ModelVersions,
    IReadOnlyList<(Digest Batch, ConsentRecord Record)> ConsentRecords,
    IReadOnlyList<SubjectAbsence> AbsentFrom);
