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
    public static ConsentVerdict Decide(ConsentCase @case, IReadOnlyDictionary<Digest, SubjectSet> subjectSets, IReadOnlyDictionary<Digest, ConsentRecordBatch> batches)
    {
        var problems = new List<string>(@case.Problems);
        var missing = new List<string>();
        var sources = new List<SourceVerdict>();
        var violations = new List<ConsentViolation>();
        var (subjects, records) = Index(@case, batches, problems);
        long checkedSubjects = 0;
        foreach (var source in @case.Sources)
        {
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
            if (set is null || @case.DecisionTime is not { } time)
            {
                continue;
            }
            var counts = new long[Enum.GetValues<ViolationReason>().Length];
            var j = 0;
            foreach (var subject in set.Members)
            {
                while (j < subjects.Length && subjects[j] < subject)
                {
                    j++;
                }
                var end = j;
                while (end < subjects.Length && subjects[end] == subject)
                {
                    end++;
                }
                if (Judge(records.AsSpan(j, end - j), @case.Purpose, time) is { } reason)
                {
                    counts[(int)reason]++;
                    violations.Add(new ConsentViolation(subject.ToString(), version, source.Source, reason));
                }
            }
            checkedSubjects += set.Count;
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
    /// The reason a subject's records give no valid basis for <paramref name="purpose"/> at <paramref name="time"/>,
    /// or null when one grant covers it: granted at or before the time, not yet expired, not withdrawn by then
    /// — and no later withdrawal for the purpose, at or before the time, revokes it.
    /// </summary>
    public static ViolationReason? Judge(ReadOnlySpan<ConsentRecord> records, string purpose, DateTimeOffset time)
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
            if (grant.GrantedAt > time)
            {
                continue;
            }
            if (grant.WithdrawnAt is { } w && w <= time)
            {
                withdrawn = true;
                continue;
            }
            if (grant.ExpiresAt is { } e && e <= time)
            {
                expired = true;
                continue;
            }
            if (!RevokedLater(records, purpose, grant.GrantedAt, time))
            {
                return null;
            }
            withdrawn = true;
        }
        return !forPurpose ? ViolationReason.WrongPurpose : withdrawn ? ViolationReason.Withdrawn : expired ? ViolationReason.Expired : ViolationReason.None;
    }

    // A withdrawal is its own record: any record for the purpose withdrawn in [granted, time] revokes the grant.
    private static bool RevokedLater(ReadOnlySpan<ConsentRecord> records, string purpose, DateTimeOffset granted, DateTimeOffset time)
    {
        foreach (var record in records)
        {
            if (record.WithdrawnAt is { } w && w >= granted && w <= time && string.Equals(record.Purpose, purpose, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // Every record of every batch, sorted by subject so each source is one merge pass.
    private static (SubjectPseudonym[] Subjects, ConsentRecord[] Records) Index(ConsentCase @case, IReadOnlyDictionary<Digest, ConsentRecordBatch> batches, List<string> problems)
    {
        var available = new List<ConsentRecordBatch>();
        foreach (var batch in @case.Batches)
        {
            if (batches.TryGetValue(batch.Root, out var records))
            {
                available.Add(records);
            }
            else
            {
                problems.Add($"the consent batch {batch.Root} is not available");
            }
        }
        var all = new ConsentRecord[available.Sum(b => b.Count)];
        var at = 0;
        foreach (var batch in available)
        {
            var offset = at;
            Parallel.For(0, batch.Count, i => all[offset + i] = batch.Record(i));
            at += batch.Count;
        }
        var subjects = all.Select(r => r.Subject).ToArray();
        if (available.Count > 1)
        {
            Array.Sort(subjects, all);
        }
        return (subjects, all);
    }
}
