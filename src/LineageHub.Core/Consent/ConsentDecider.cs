using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>
/// Decides, for every subject of every source dataset version, whether a valid basis for the purpose
/// existed at the decision time (schema/consent.md, "Deciding one subject"). Subject sets and records are
/// both sorted by pseudonym, so each source is one merge pass.
/// </summary>
public static class ConsentDecider
{
    private static readonly int ReasonCount = Enum.GetValues<ViolationReason>().Length;

    public static ConsentVerdict Decide(ConsentCase @case, IReadOnlyDictionary<Digest, SubjectSet> subjectSets, IReadOnlyDictionary<Digest, ConsentRecordBatch> batches)
    {
        var problems = new List<string>(@case.Problems);
        var missing = new List<string>();
        var sources = new List<SourceVerdict>();
        var violations = new List<ConsentViolation>();
        var records = Index(@case, batches, problems);
        // Sources decided by records are independent: each is one merge pass, run side by side.
        var judged = new (long[] Counts, List<ConsentViolation> Violations)?[@case.Sources.Count];
        Parallel.For(0, @case.Sources.Count, i =>
        {
            var source = @case.Sources[i];
            if (source.Declaration is null && source.Subjects is { } reference && @case.DecisionTime is { } time && subjectSets.TryGetValue(reference.Root, out var set))
            {
                judged[i] = JudgeSource(set, records, @case.Purpose, time.UtcTicks, source);
            }
        });
        long checkedSubjects = 0;
        for (var i = 0; i < @case.Sources.Count; i++)
        {
            var source = @case.Sources[i];
            var version = source.DatasetVersion.ToString();
            SubjectSet? set = null;
            if (source.Subjects is { } reference && !subjectSets.TryGetValue(reference.Root, out set))
            {
                problems.Add($"the subject set {reference.Root} of {version} is not available");
            }
            if (source.Declaration is { } declaration)
            {
                var count = set?.Count ?? 0;
                checkedSubjects += count;
                sources.Add(new SourceVerdict(version, source.Source, declaration.Basis.ToString().ToLowerInvariant(), source.DeclarationKey?.ToString(), source.Subjects?.Root.ToString(), count, count, 0, 0, 0, 0));
                continue;
            }
            if (source.Subjects is null)
            {
                missing.Add(version);
                continue;
            }
            if (judged[i] is not { } result)
            {
                continue;
            }
            var (counts, found) = result;
            violations.AddRange(found);
            checkedSubjects += set!.Count;
            var bad = counts.Sum();
            sources.Add(new SourceVerdict(version, source.Source, "consent_records", null, source.Subjects.Root.ToString(), set.Count, set.Count - bad,
                counts[(int)ViolationReason.None], counts[(int)ViolationReason.Expired], counts[(int)ViolationReason.Withdrawn], counts[(int)ViolationReason.WrongPurpose]));
        }
        if (missing.Count > 0)
        {
            problems.Insert(0, $"{ConsentMessages.CannotProve}: {string.Join(", ", missing)}");
        }
        var outcome = problems.Count > 0 ? ConsentVerdict.CannotProve : violations.Count > 0 ? ConsentVerdict.Fail : ConsentVerdict.Pass;
        return new ConsentVerdict(outcome, @case.ModelVersion.ToString(), @case.Purpose, @case.DecisionTime, checkedSubjects, sources, missing, problems, violations);
    }

    /// <summary>
    /// Decides one subject from its canonical records (in any order, from any batches) by the rule <see
    /// cref="Decide"/> applies: the violation's reason, or null when a grant covers <paramref name="time"/>.
    /// Spot-check samples use it, so a sampled decision can never follow another rule than the verdict.
    /// </summary>
    public static ViolationReason? DecideSubject(IEnumerable<byte[]> records, string purpose, DateTimeOffset time)
    {
        var purposes = new List<(byte[], string)>();
        ConsentTerms[] terms = [.. records.Select(r => ConsentRecordCodec.DecodeTerms(r, purposes))];
        return Judge(terms, purpose, time.UtcTicks);
    }

    // One merge pass of a source's sorted members against the sorted records: violations in member order.
    private static (long[] Counts, List<ConsentViolation> Violations) JudgeSource(SubjectSet set, ConsentTerms[] records, string purpose, long time, SourceInput source)
    {
        var version = source.DatasetVersion.ToString();
        var counts = new long[ReasonCount];
        var violations = new List<ConsentViolation>();
        var j = 0;
        foreach (var subject in set.Members)
        {
            while (j < records.Length && records[j].Subject < subject)
            {
                j++;
            }
            var end = j;
            while (end < records.Length && records[end].Subject == subject)
            {
                end++;
            }
            if (Judge(records.AsSpan(j, end - j), purpose, time) is { } reason)
            {
                counts[(int)reason]++;
                violations.Add(new ConsentViolation(subject.ToString(), version, source.Source, reason));
            }
        }
        return (counts, violations);
    }

    /// <summary>
    /// The reason a subject's records give no valid basis for <paramref name="purpose"/> at <paramref name="time"/> (UTC ticks),
    /// or null when one grant covers it: granted at or before the time, not yet expired, not withdrawn by then
    /// — and no later withdrawal for the purpose, at or before the time, revokes it.
    /// </summary>
    private static ViolationReason? Judge(ReadOnlySpan<ConsentTerms> records, string purpose, long time)
    {
        if (records.IsEmpty)
        {
            return ViolationReason.None;
        }
        var forPurpose = false;
        var expired = false;
        var withdrawn = false;
        foreach (var grant in records)
        {
            if (!string.Equals(grant.Purpose, purpose, StringComparison.Ordinal))
            {
                continue;
            }
            forPurpose = true;
            if (grant.GrantedTicks > time)
            {
                continue;
            }
            if (grant.WithdrawnTicks <= time)
            {
                withdrawn = true;
                continue;
            }
            if (grant.ExpiresTicks <= time)
            {
                expired = true;
                continue;
            }
            if (!RevokedLater(records, purpose, grant.GrantedTicks, time))
            {
                return null;
            }
            withdrawn = true;
        }
        return !forPurpose ? ViolationReason.WrongPurpose : withdrawn ? ViolationReason.Withdrawn : expired ? ViolationReason.Expired : ViolationReason.None;
    }

    // A withdrawal is its own record: any record for the purpose withdrawn in [granted, time] revokes the grant.
    private static bool RevokedLater(ReadOnlySpan<ConsentTerms> records, string purpose, long granted, long time)
    {
        foreach (var record in records)
        {
            if (record.WithdrawnTicks >= granted && record.WithdrawnTicks <= time && string.Equals(record.Purpose, purpose, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // Every record of every batch, sorted by subject so each source is one merge pass. Each batch is sorted
    // by subject already (its records sort by canonical bytes, the pseudonym first), so batches are merged.
    private static ConsentTerms[] Index(ConsentCase @case, IReadOnlyDictionary<Digest, ConsentRecordBatch> batches, List<string> problems)
    {
        ConsentTerms[] all = [];
        foreach (var batch in @case.Batches)
        {
            if (!batches.TryGetValue(batch.Root, out var records))
            {
                problems.Add($"the consent batch {batch.Root} is not available");
                continue;
            }
            var decoded = new ConsentTerms[records.Count];
            Parallel.For(0, (records.Count + 4095) / 4096, block =>
            {
                var purposes = new List<(byte[], string)>();
                var end = Math.Min(records.Count, (block + 1) * 4096);
                for (var i = block * 4096; i < end; i++)
                {
                    decoded[i] = ConsentRecordCodec.DecodeTerms(records.RecordBytes(i), purposes);
                }
            });
            all = Merge(all, decoded);
        }
        return all;
    }

    private static ConsentTerms[] Merge(ConsentTerms[] left, ConsentTerms[] right)
    {
        if (left.Length == 0)
        {
            return right;
        }
        var merged = new ConsentTerms[left.Length + right.Length];
        int i = 0, j = 0, k = 0;
        while (i < left.Length && j < right.Length)
        {
            merged[k++] = right[j].Subject < left[i].Subject ? right[j++] : left[i++];
        }
        left.AsSpan(i).CopyTo(merged.AsSpan(k));
        right.AsSpan(j).CopyTo(merged.AsSpan(k + left.Length - i));
        return merged;
    }
}
