using System.Globalization;
using System.Text;
using LineageHub.Core.Consent;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence.Sampling;

// One sampled subject's individual proof: membership, every batch's excerpt, the decision.
public static partial class EvidenceSampleVerifier
{
    private static string? SubjectCheck(EvidenceSample sample, ConsentCase @case, SampledSubject subject, Dictionary<(string, string), ViolationReason>? violations, out string described)
    {
        described = "";
        var (source, index) = SampleDerivation.Locate(sample.Draw.Population, subject.Position);
        if (subject.DatasetVersion != source.DatasetVersion || subject.Index != index)
        {
            return SampleMessages.WrongSource($"{subject.DatasetVersion} leaf {subject.Index}", $"{source.DatasetVersion} leaf {index}");
        }
        var membership = SubjectSetProofs.VerifyMembership(source.SubjectSetRoot, new SubjectMembershipProof(subject.Pseudonym, index, source.Subjects, subject.Path));
        if (!membership.IsValid)
        {
            return SampleMessages.NotAMember(membership.Failure!);
        }
        if (subject.Consent.Count != @case.Batches.Count || subject.Consent.Zip(@case.Batches).Any(p => p.First.Root != p.Second.Root))
        {
            return SampleMessages.WrongBatches;
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{subject.Pseudonym} (position {subject.Position:N0}) is leaf {index:N0} of {source.Subjects:N0} in {source.DatasetVersion} ({source.Source ?? "no source"}), subject set {Short(source.SubjectSetRoot.ToString())}");
        var records = new List<byte[]>();
        for (var b = 0; b < subject.Consent.Count; b++)
        {
            var excerpt = subject.Consent[b];
            var root = excerpt.Root.ToString();
            if (excerpt.Records != @case.Batches[b].Records)
            {
                return SampleMessages.Batch(root, SampleMessages.BatchSize(excerpt.Records, @case.Batches[b].Records));
            }
            if (ExcerptCheck(excerpt, subject.Pseudonym) is { } failure)
            {
                return SampleMessages.Batch(root, failure);
            }
            records.AddRange(excerpt.Matching.Select(l => l.Bytes));
            text.Append(CultureInfo.InvariantCulture, $"; batch {Short(root)}: {Describe(excerpt)}");
        }
        var decision = ConsentDecider.DecideSubject(records, sample.Question.Purpose, sample.Draw.DecisionTime);
        var (claimed, actual) = (EvidenceSampleCodec.DecisionName(subject.Decision), EvidenceSampleCodec.DecisionName(decision));
        if (claimed != actual)
        {
            return SampleMessages.DecisionMismatch(claimed, actual);
        }
        text.Append(CultureInfo.InvariantCulture, $"; at {LedgerEntryCodec.FormatTime(sample.Draw.DecisionTime)} for '{sample.Question.Purpose}': {actual}");
        if (violations is not null)
        {
            var listed = violations.TryGetValue((subject.Pseudonym.ToString(), subject.DatasetVersion), out var reason) ? (ViolationReason?)reason : null;
            if (listed != decision)
            {
                return SampleMessages.VerdictDisagrees(actual, listed is null ? "not a violation" : EvidenceSampleCodec.DecisionName(listed));
            }
            text.Append(", as the bundle's verdict says");
        }
        described = text.ToString();
        return null;
    }

    // The subject's records are adjacent leaves; the leaves on either side name other subjects (or the batch
    // ends there). In a batch sorted by subject that leaves no room for another record of the subject.
    private static string? ExcerptCheck(BatchExcerpt excerpt, SubjectPseudonym subject)
    {
        if (excerpt.Records == 0)
        {
            return excerpt.Before is null && excerpt.After is null && excerpt.Matching.Count == 0 && excerpt.Root.Bytes.SequenceEqual(MerkleHash.Empty)
                ? null
                : SampleMessages.EmptyBatch;
        }
        var leaves = new List<BatchLeaf>(excerpt.Matching.Count + 2);
        if (excerpt.Before is { } before)
        {
            leaves.Add(before);
        }
        leaves.AddRange(excerpt.Matching);
        if (excerpt.After is { } after)
        {
            leaves.Add(after);
        }
        if (leaves.Count == 0)
        {
            return SampleMessages.MissingNeighbour;
        }
        var subjects = new List<SubjectPseudonym>(leaves.Count);
        foreach (var leaf in leaves)
        {
            if (LeafCheck(leaf, excerpt) is { } failure)
            {
                return failure;
            }
            subjects.Add(ConsentRecordCodec.Decode(leaf.Bytes).Subject);
        }
        for (var i = 1; i < leaves.Count; i++)
        {
            if (leaves[i].Index != leaves[i - 1].Index + 1)
            {
                return SampleMessages.NotAdjacent;
            }
            if (leaves[i - 1].Bytes.AsSpan().SequenceCompareTo(leaves[i].Bytes) >= 0)
            {
                return SampleMessages.LeavesOutOfOrder(leaves[i - 1].Index, leaves[i].Index);
            }
        }
        if ((excerpt.Before is null && leaves[0].Index != 0) || (excerpt.After is null && leaves[^1].Index != excerpt.Records - 1))
        {
            return SampleMessages.MissingNeighbour;
        }
        var first = excerpt.Before is null ? 0 : 1;
        for (var i = first; i < first + excerpt.Matching.Count; i++)
        {
            if (subjects[i] != subject)
            {
                return SampleMessages.NotTheSubject(leaves[i].Index);
            }
        }
        if (excerpt.Before is not null && subjects[0] >= subject)
        {
            return subjects[0] == subject ? SampleMessages.NeighbourIsTheSubject("lower", leaves[0].Index) : SampleMessages.NeighbourOrder("lower", leaves[0].Index);
        }
        if (excerpt.After is not null && subjects[^1] <= subject)
        {
            return subjects[^1] == subject ? SampleMessages.NeighbourIsTheSubject("upper", leaves[^1].Index) : SampleMessages.NeighbourOrder("upper", leaves[^1].Index);
        }
        return null;
    }

    private static string? LeafCheck(BatchLeaf leaf, BatchExcerpt excerpt)
    {
        if (leaf.Index < 0 || leaf.Index >= excerpt.Records)
        {
            return SampleMessages.LeafNotIncluded(leaf.Index, $"a batch of {excerpt.Records} records has no such leaf");
        }
        var check = MerkleProofVerifier.VerifyInclusion((ulong)leaf.Index, (ulong)excerpt.Records, MerkleHash.Leaf(leaf.Bytes), [.. leaf.Path.Select(p => p.Bytes.ToArray())], excerpt.Root.Bytes);
        if (!check.IsValid)
        {
            return SampleMessages.LeafNotIncluded(leaf.Index, check.Failure!);
        }
        try
        {
            ConsentRecordCodec.Decode(leaf.Bytes);
            return null;
        }
        catch (LineageHubException ex)
        {
            return SampleMessages.BadRecord(leaf.Index, ex.Message);
        }
    }

    private static string Describe(BatchExcerpt excerpt)
    {
        var bounds = $"between leaves {(excerpt.Before is { } b ? b.Index.ToString("N0", CultureInfo.InvariantCulture) : "(start)")} and {(excerpt.After is { } a ? a.Index.ToString("N0", CultureInfo.InvariantCulture) : "(end)")} of {excerpt.Records:N0}";
        if (excerpt.Matching.Count == 0)
        {
            return $"no records, {bounds}";
        }
        var records = string.Join("; ", excerpt.Matching.Select(l => Terms(ConsentRecordCodec.Decode(l.Bytes))));
        return $"{excerpt.Matching.Count} record{(excerpt.Matching.Count == 1 ? "" : "s")} [{records}], {bounds}";
    }

    private static string Terms(ConsentRecord record)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"'{record.Purpose}' {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Basis.ToString())} granted {Time(record.GrantedAt)}");
        if (record.ExpiresAt is { } expires)
        {
            text.Append(CultureInfo.InvariantCulture, $", expires {Time(expires)}");
        }
        if (record.WithdrawnAt is { } withdrawn)
        {
            text.Append(CultureInfo.InvariantCulture, $", withdrawn {Time(withdrawn)}");
        }
        return text.ToString();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Short(string hex) => hex[..16] + "…";
}
