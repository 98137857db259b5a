using System.Security.Cryptography;
using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Evidence;

/// <summary>
/// Re-checks a bundle offline, trusting nothing in it but the signing key (schema/consent.md, "Verifying"):
/// its byte form, the tree head's signature, every entry's inclusion, the lineage walk, every subject set
/// and batch against the roots the ledger names, and the verdict, recomputed.
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>Verifies <paramref name="bytes"/>; with <paramref name="trustedKeyPem"/> the bundle must be signed by that key.</summary>
    public static async Task<EvidenceReport> VerifyAsync(byte[] bytes, string? trustedKeyPem = null, CancellationToken cancellationToken = default)
    {
        EvidenceBundle bundle;
        try
        {
            bundle = EvidenceBundleCodec.DecodeUnchecked(bytes);
        }
        catch (LineageHubException ex)
        {
            return new EvidenceReport(false, [], ex.Message, null);
        }
        // Re-encoding a bundle of hundreds of megabytes to compare its bytes is one core's work; it runs beside
        // the checks below, and every answer waits for it: a bundle not in its one byte form fails first.
        var canonical = Task.Run(() => EvidenceBundleCodec.IsCanonical(bundle, bytes), cancellationToken);
        var report = await CheckAsync(bundle, trustedKeyPem, cancellationToken).ConfigureAwait(false);
        if (!await canonical.ConfigureAwait(false))
        {
            return new EvidenceReport(false, [], EvidenceMessages.NotCanonical, null);
        }
        return WithByteForm(report, bytes.Length);
    }

    /// <summary>Verifies a bundle <see cref="EvidenceBundleCodec.Decode"/> has read (and so found in its one byte form) from <paramref name="length"/> bytes.</summary>
    internal static async Task<EvidenceReport> VerifyDecodedAsync(EvidenceBundle bundle, int length, string? trustedKeyPem, CancellationToken cancellationToken) =>
        WithByteForm(await CheckAsync(bundle, trustedKeyPem, cancellationToken).ConfigureAwait(false), length);

    private static EvidenceReport WithByteForm(EvidenceReport report, int length) =>
        report with { Checked = [$"the bundle is in its one byte form ({length:N0} bytes, {EvidenceBundle.Format})", .. report.Checked] };

    private static async Task<EvidenceReport> CheckAsync(EvidenceBundle bundle, string? trustedKeyPem, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        EvidenceReport Fail(string failure) => new(false, done, failure, null);

        var head = bundle.TreeHead;
        if (KeyCheck(bundle.SigningKeyPem, head, trustedKeyPem) is { } keyFailure)
        {
            return Fail(keyFailure);
        }
        done.Add($"the tree head (size {head.Size}, root {head.Root}) is signed by key {head.KeyId}{(trustedKeyPem is null ? " (the bundle's own key: compare its id with the one you keep)" : ", the key you gave")}");

        var size = bundle.Question.LedgerSize;
        if (size > head.Size || size < 0)
        {
            return Fail(EvidenceMessages.QuestionBeyondHead(size, head.Size));
        }
        // A question without a time is asked of the whole signed log: judging it on fewer entries would leave
        // out whatever came later, withdrawals included.
        if (bundle.Question.AsOf is null && size != head.Size)
        {
            return Fail(EvidenceMessages.QuestionShortOfHead(size, head.Size));
        }
        var entries = new List<LedgerEntry>(bundle.Entries.Count);
        foreach (var evidence in bundle.Entries)
        {
            if (EntryCheck(evidence, head, size, out var entry) is { } entryFailure)
            {
                return Fail(entryFailure);
            }
            entries.Add(entry!);
        }
        done.Add($"{entries.Count} ledger entries are in the signed tree (RFC 9162 inclusion proofs) and among its first {size}");

        var facts = new EntryLineageFacts(entries);
        ConsentCase @case;
        try
        {
            @case = await ConsentCaseBuilder.BuildAsync(facts, Domain.NodeKey.Parse(bundle.Question.ModelVersion), bundle.Question.Purpose, cancellationToken).ConfigureAwait(false);
        }
        catch (LineageHubException ex)
        {
            return Fail($"the lineage cannot be walked from the bundle's entries: {ex.Message}");
        }
        done.Add($"the lineage of {bundle.Question.ModelVersion} was re-walked from those entries: {@case.Sources.Count} source dataset versions, decision time {(@case.DecisionTime is { } t ? LedgerEntryCodec.FormatTime(t) : "unknown")}, {@case.Batches.Count} consent batches");

        if (Blobs(bundle.SubjectSets, b => SubjectSet.FromSortedBytes(b), s => s.Root, "subject set", out var sets) is { } setFailure)
        {
            return Fail(setFailure);
        }
        var named = @case.Sources.Where(s => s.Subjects is not null).Select(s => s.Subjects!).DistinctBy(s => s.Root).ToArray();
        foreach (var reference in named)
        {
            if (!sets.TryGetValue(reference.Root, out var set) || set.Count != reference.Count)
            {
                return Fail(EvidenceMessages.BlobRootMismatch("the subject set", reference.Root.ToString(), $"{reference.Count} members"));
            }
        }
        // Nothing unnamed may ride along: every byte of a bundle must be evidence someone can check.
        if (sets.Keys.Where(root => named.All(n => n.Root != root)).Select(r => r.ToString()).FirstOrDefault() is { } extraSet)
        {
            return Fail(EvidenceMessages.UnusedBlob("subject set", extraSet));
        }
        done.Add($"{sets.Count} subject sets ({sets.Values.Sum(s => (long)s.Count):N0} pseudonyms) re-hashed to the roots their dataset versions name");

        if (Blobs(bundle.ConsentBatches, ConsentRecordBatch.FromBytes, b => b.Root, "consent batch", out var batches) is { } batchFailure)
        {
            return Fail(batchFailure);
        }
        foreach (var batch in @case.Batches)
        {
            if (!batches.TryGetValue(batch.Root, out var records) || records.Count != batch.Records)
            {
                return Fail(EvidenceMessages.BlobRootMismatch("the consent batch", batch.Root.ToString(), $"{batch.Records} records"));
            }
        }
        if (batches.Keys.Where(root => @case.Batches.All(b => b.Root != root)).Select(r => r.ToString()).FirstOrDefault() is { } extraBatch)
        {
            return Fail(EvidenceMessages.UnusedBlob("consent batch", extraBatch));
        }
        done.Add($"{batches.Count} consent batches ({batches.Values.Sum(b => (long)b.Count):N0} records) re-hashed to the roots their ledger facts name");

        var verdict = ConsentDecider.Decide(@case, sets, batches);
        if (!VerdictJson.Encode(verdict).AsSpan().SequenceEqual(VerdictJson.Encode(bundle.Verdict)))
        {
            return Fail(EvidenceMessages.VerdictMismatch);
        }
        done.Add($"the verdict was recomputed from that evidence and matches: {verdict.Outcome}, {verdict.SubjectsChecked:N0} subjects checked, {verdict.Violations.Count:N0} violations");
        return new EvidenceReport(true, done, null, verdict);
    }

    internal static string? KeyCheck(string pem, SignedTreeHead head, string? trustedKeyPem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            var spki = key.ExportSubjectPublicKeyInfo();
            if (trustedKeyPem is not null)
            {
                using var trusted = ECDsa.Create();
                trusted.ImportFromPem(trustedKeyPem);
                if (!trusted.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(spki))
                {
                    return EvidenceMessages.PinnedKeyMismatch;
                }
            }
            if (Convert.ToHexStringLower(SHA256.HashData(spki)) != head.KeyId)
            {
                return EvidenceMessages.KeyIdMismatch(head.KeyId);
            }
            return TreeHeadSigner.VerifyWith(pem, head) ? null : EvidenceMessages.BadSignature;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return $"the signing key cannot be read: {ex.Message}";
        }
    }

    internal static string? EntryCheck(EvidenceEntry evidence, SignedTreeHead head, long size, out LedgerEntry? entry)
    {
        entry = null;
        try
        {
            entry = LedgerEntryCodec.Decode(evidence.Bytes);
        }
        catch (LineageHubException ex)
        {
            return $"ledger entry {evidence.Seq}: {ex.Message}";
        }
        if (entry.Seq != evidence.Seq)
        {
            return EvidenceMessages.EntrySeqMismatch(evidence.Seq, entry.Seq);
        }
        if (!entry.Bytes.AsSpan().SequenceEqual(evidence.Bytes))
        {
            return $"ledger entry {evidence.Seq} is not in its canonical encoding (schema/ledger.md)";
        }
        if (entry.Seq < 0 || entry.Seq >= size)
        {
            return EvidenceMessages.EntryAfterQuestion(entry.Seq, size);
        }
        var check = MerkleProofVerifier.VerifyInclusion((ulong)entry.Seq, (ulong)head.Size, MerkleHash.Leaf(evidence.Bytes), [.. evidence.Path.Select(p => p.Bytes.ToArray())], head.Root.Bytes);
        return check.IsValid ? null : EvidenceMessages.EntryNotIncluded(entry.Seq, check.Failure!);
    }

    private static string? Blobs<T>(IReadOnlyList<byte[]> blobs, Func<byte[], T> read, Func<T, Digest> root, string what, out Dictionary<Digest, T> result)
    {
        result = [];
        foreach (var blob in blobs)
        {
            try
            {
                var value = read(blob);
                if (!result.TryAdd(root(value), value))
                {
                    return $"the bundle carries {what} {root(value)} twice";
                }
            }
            catch (LineageHubException ex)
            {
                return $"a {what} in the bundle cannot be read: {ex.Message}";
            }
        }
        return null;
    }
}
