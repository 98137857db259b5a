using LineageHub.Core.Consent;
using LineageHub.Core.Evidence.Sampling;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent.Tests.Scenario;

// A prover who edits a sample and writes it out again in its one byte form: every field is checked.
public sealed partial class ConsentSampleScenarioTests
{
    public static TheoryData<string> Fields() =>
    [
        "requested", "challenge", "seed", "decisionTime", "populationCount", "populationRoot", "purpose", "asOf", "treeHeadTime", "lastEntry",
        "position", "pseudonym", "datasetVersion", "index", "path", "order",
        "batchRoot", "batchRecords", "before", "matching", "matchingBytes", "after", "decision",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task ASample_WithAnyFieldChanged_FailsVerification(string field)
    {
        var sample = await EvidenceSampler.CutAsync(await ProveAsync(), 25);

        var report = await EvidenceSampleVerifier.VerifyAsync(EvidenceSampleCodec.Encode(Change(sample, field)));

        Assert.False(report.Valid, $"a sample with its {field} changed passed");
    }

    [Fact]
    public async Task AWithheldWithdrawal_IsDetected()
    {
        // Subject 66 was withdrawn before v1 was trained; the withdrawal arrived in the second export.
        var sample = await EvidenceSampler.CutAsync(await ProveAsync(), EvidenceSample.MaxSubjects);
        var ordinal = sample.Subjects.ToList().FindIndex(s => s.Pseudonym == _scenario.Pseudonym(66));
        var honest = sample.Subjects[ordinal];
        var batch = honest.Consent.ToList().FindIndex(e => e.Matching.Any(l => ConsentRecordCodec.Decode(l.Bytes).WithdrawnAt is not null));
        var excerpt = honest.Consent[batch];
        var withdrawal = excerpt.Matching.Single(l => ConsentRecordCodec.Decode(l.Bytes).WithdrawnAt is not null);
        var rest = excerpt.Matching.Where(l => l != withdrawal).ToArray();

        var dropped = Withhold(sample, ordinal, batch, excerpt with { Matching = rest });
        // The second export holds one record of the subject, so the withdrawal is its last: shown as the upper neighbour instead.
        var asNeighbour = Withhold(sample, ordinal, batch, excerpt with { Matching = rest, After = withdrawal });

        Assert.Equal(ViolationReason.Withdrawn, honest.Decision);
        Assert.True((await EvidenceSampleVerifier.VerifyAsync(EvidenceSampleCodec.Encode(sample))).Valid);
        var droppedReport = await EvidenceSampleVerifier.VerifyAsync(EvidenceSampleCodec.Encode(dropped));
        Assert.Contains(SampleMessages.NotAdjacent, droppedReport.Failure, StringComparison.Ordinal);
        var neighbourReport = await EvidenceSampleVerifier.VerifyAsync(EvidenceSampleCodec.Encode(asNeighbour));
        Assert.False(neighbourReport.Valid);
        Assert.Contains("a record was left out of the excerpt", neighbourReport.Failure, StringComparison.Ordinal);
    }

    private static EvidenceSample Withhold(EvidenceSample sample, int ordinal, int batch, BatchExcerpt excerpt)
    {
        var subject = sample.Subjects[ordinal];
        var consent = subject.Consent.ToArray();
        consent[batch] = excerpt;
        // Without the withdrawal the subject's records would cover it: the forged decision says so.
        var subjects = sample.Subjects.ToArray();
        subjects[ordinal] = subject with { Consent = consent, Decision = null };
        return sample with { Subjects = subjects };
    }

    private static EvidenceSample Change(EvidenceSample sample, string field)
    {
        var draw = sample.Draw;
        var population = sample.Draw.Population.ToArray();
        var (ordinal, batch) = ExcerptWithNeighbours(sample);
        SampledSubject subject = sample.Subjects[ordinal];
        var excerpt = subject.Consent[batch];
        return field switch
        {
            "requested" => sample with { Draw = draw with { Requested = draw.Requested + 1 } },
            "challenge" => sample with { Draw = draw with { Challenge = "x" } },
            "seed" => sample with { Draw = draw with { Seed = Digest.Of("x"u8) } },
            "decisionTime" => sample with { Draw = draw with { DecisionTime = draw.DecisionTime.AddSeconds(1) } },
            "populationCount" => sample with { Draw = draw with { Population = [population[0] with { Subjects = population[0].Subjects + 1 }, .. population[1..]] } },
            "populationRoot" => sample with { Draw = draw with { Population = [population[0] with { SubjectSetRoot = Digest.Of("x"u8) }, .. population[1..]] } },
            "purpose" => sample with { Question = sample.Question with { Purpose = "marketing" } },
            "asOf" => sample with { Question = sample.Question with { AsOf = draw.DecisionTime.AddDays(30) } },
            "treeHeadTime" => sample with { TreeHead = sample.TreeHead with { Time = sample.TreeHead.Time.AddSeconds(1) } },
            "lastEntry" => sample with { Entries = sample.Entries.ToArray()[..^1] },
            "order" => sample with { Subjects = [sample.Subjects[1], sample.Subjects[0], .. sample.Subjects.Skip(2)] },
            _ => WithSubject(sample, ordinal, field switch
            {
                "position" => subject with { Position = subject.Position + 1 },
                "pseudonym" => subject with { Pseudonym = sample.Subjects[(ordinal + 1) % sample.Subjects.Count].Pseudonym },
                "datasetVersion" => subject with { DatasetVersion = sample.Subjects.First(s => s.DatasetVersion != subject.DatasetVersion).DatasetVersion },
                "index" => subject with { Index = subject.Index + 1 },
                "path" => subject with { Path = [Digest.Of("x"u8), .. subject.Path.Skip(1)] },
                "decision" => subject with { Decision = subject.Decision is null ? ViolationReason.None : null },
                _ => WithExcerpt(subject, batch, field switch
                {
                    "batchRoot" => excerpt with { Root = Digest.Of("x"u8) },
                    "batchRecords" => excerpt with { Records = excerpt.Records + 1 },
                    "before" => excerpt with { Before = null },
                    "matching" => excerpt with { Matching = [] },
                    "matchingBytes" => excerpt with { Matching = [excerpt.Matching[0] with { Bytes = Flip(excerpt.Matching[0].Bytes) }, .. excerpt.Matching.Skip(1)] },
                    "after" => excerpt with { After = null },
                    _ => throw new ArgumentException($"no field {field}", nameof(field)),
                }),
            }),
        };
    }

    // A subject and batch whose excerpt has records and both neighbours, so each part can be changed.
    private static (int Subject, int Batch) ExcerptWithNeighbours(EvidenceSample sample)
    {
        for (var s = 0; s < sample.Subjects.Count; s++)
        {
            for (var b = 0; b < sample.Subjects[s].Consent.Count; b++)
            {
                var excerpt = sample.Subjects[s].Consent[b];
                if (excerpt.Before is not null && excerpt.After is not null && excerpt.Matching.Count > 0)
                {
                    return (s, b);
                }
            }
        }
        throw new InvalidOperationException("no sampled subject has records with both neighbours");
    }

    private static EvidenceSample WithSubject(EvidenceSample sample, int ordinal, SampledSubject subject)
    {
        var subjects = sample.Subjects.ToArray();
        subjects[ordinal] = subject;
        return sample with { Subjects = subjects };
    }

    private static SampledSubject WithExcerpt(SampledSubject subject, int batch, BatchExcerpt excerpt)
    {
        var consent = subject.Consent.ToArray();
        consent[batch] = excerpt;
        return subject with { Consent = consent };
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[^1] ^= 0x01;
        return copy;
    }
}
