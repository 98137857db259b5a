using LineageHub.Core.Hashing;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// How a sample was drawn: the size asked for, the verifier's challenge (empty for none), the seed derived
/// from the signed tree head, the question and the challenge, the time the subjects were decided at, and
/// the population drawn from — every subject of the sources decided by consent records, in this order.
/// </summary>
public sealed record SampleDraw(int Requested, string Challenge, Digest Seed, DateTimeOffset DecisionTime, IReadOnlyList<SampleSource> Population)
{
    /// <summary>The number of subjects drawn from: the sum of the sources' subject counts.</summary>
    public long PopulationSize => Population.Sum(s => s.Subjects);
}
