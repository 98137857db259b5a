using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Storage;

/// <summary>
/// The part of the storage port consent proofs need beyond the graph: the bulk data a ledger fact commits
/// to by Merkle root — subject sets and consent record batches — kept beside the ledger, written in the
/// same transaction as the fact, and read back by root (schema/consent.md, "Storage").
/// </summary>
public interface IConsentEvidenceStore
{
    /// <summary>
    /// Appends <paramref name="changes"/> and stores <paramref name="evidence"/> with them, all or nothing.
    /// When every fact is already recorded the change set is a no-op and the evidence is not written again.
    /// </summary>
    Task<AppendResult> AppendWithEvidenceAsync(ChangeSet changes, ConsentEvidence evidence, CancellationToken cancellationToken = default);

    /// <summary>The subject set with this root, or null when none is stored.</summary>
    Task<SubjectSet?> GetSubjectSetAsync(Digest root, CancellationToken cancellationToken = default);

    /// <summary>The consent batch with this root, or null when none is stored.</summary>
    Task<ConsentRecordBatch?> GetConsentBatchAsync(Digest root, CancellationToken cancellationToken = default);

    /// <summary>The records of one subject, in every stored batch, with the batch each came in.</summary>
    Task<IReadOnlyList<(Digest Batch, ConsentRecord Record)>> FindConsentRecordsAsync(SubjectPseudonym subject, CancellationToken cancellationToken = default);
}
