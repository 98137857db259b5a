using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// One sampled subject's individual proof: drawn at <see cref="Position"/> of the population, it is leaf
/// <see cref="Index"/> of <see cref="DatasetVersion"/>'s subject set (with its inclusion <see cref="Path"/>);
/// <see cref="Consent"/> holds, for every consent batch, all of its records and the neighbours that show
/// there are no others; <see cref="Decision"/> is what they give at the decision time (null: covered).
/// </summary>
public sealed record SampledSubject(
    long Position,
    SubjectPseudonym Pseudonym,
    string DatasetVersion,
    long Index,
    IReadOnlyList<Digest> Path,
    IReadOnlyList<BatchExcerpt> Consent,
    ViolationReason? Decision);
