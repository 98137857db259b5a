using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

// Consent evidence: subject sets and consent batches beside the ledger, in the append's own savepoint.
public sealed partial class SqliteLineageStore
{
    public Task<AppendResult> AppendWithEvidenceAsync(ChangeSet changes, ConsentEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Enqueue(changes, evidence, cancellationToken);
    }

    public async Task<SubjectSet?> GetSubjectSetAsync(Digest root, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT members FROM subject_sets WHERE root = $root";
        command.Parameters.AddWithValue("$root", root.Bytes.ToArray());
        var members = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        if (members is null)
        {
            return null;
        }
        var set = SubjectSet.FromSortedBytes(members);
        // Content-addressed: a stored set whose root differs was edited outside LineageHub.
        return set.Root == root ? set : throw Core.LineageHubException.Corrupt($"the stored subject set {root} does not hash to its root");
    }

    public async Task<ConsentRecordBatch?> GetConsentBatchAsync(Digest root, CancellationToken cancellationToken = default)
    {
        await using var connection = OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT records FROM consent_batches WHERE root = $root";
        command.Parameters.AddWithValue("$root", root.Bytes.ToArray());
        var records = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        if (records is null)
        {
            return null;
        }
        var batch = ConsentRecordBatch.FromBytes(records);
        return batch.Root == root ? batch : throw Core.LineageHubException.Corrupt($"the stored consent batch {root} does not hash to its root");
    }

    public async Task<IReadOnlyList<(Digest Batch, ConsentRecord Record)>> FindConsentRecordsAsync(SubjectPseudonym subject, CancellationToken cancellationToken = default)
    {
        var locations = new List<(byte[] Batch, int Leaf)>();
        await using var connection = OpenReader();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT batch, leaf FROM consent_subjects WHERE subject = $subject ORDER BY batch, leaf";
            command.Parameters.AddWithValue("$subject", subject.ToBytes());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                locations.Add(((byte[])reader.GetValue(0), reader.GetInt32(1)));
            }
        }
        var result = new List<(Digest, ConsentRecord)>();
        foreach (var group in locations.GroupBy(l => Convert.ToHexStringLower(l.Batch)))
        {
            var root = Digest.Parse(group.Key);
            var batch = await GetConsentBatchAsync(root, cancellationToken).ConfigureAwait(false)
                ?? throw Core.LineageHubException.Corrupt($"consent batch {root} is indexed but not stored");
            result.AddRange(group.Select(l => (root, batch.Record(l.Leaf))));
        }
        return result;
    }

    // Runs inside the change set's savepoint, so a failure here undoes the ledger entry too.
    private void InsertEvidence(ConsentEvidence evidence, SqliteTransaction transaction)
    {
        foreach (var set in evidence.SubjectSets)
        {
            using var command = _writeConnection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO subject_sets (root, count, members) VALUES ($root, $count, $members)";
            command.Parameters.AddWithValue("$root", set.Root.Bytes.ToArray());
            command.Parameters.AddWithValue("$count", set.Count);
            command.Parameters.AddWithValue("$members", set.ToBytes());
            command.ExecuteNonQuery();
        }
        foreach (var batch in evidence.ConsentBatches)
        {
            var root = batch.Root.Bytes.ToArray();
            using (var command = _writeConnection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO consent_batches (root, count, records) VALUES ($root, $count, $records)";
                command.Parameters.AddWithValue("$root", root);
                command.Parameters.AddWithValue("$count", batch.Count);
                command.Parameters.AddWithValue("$records", batch.Bytes.ToArray());
                if (command.ExecuteNonQuery() == 0)
                {
                    continue;
                }
            }
            using var index = _writeConnection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = "INSERT OR IGNORE INTO consent_subjects (subject, batch, leaf) VALUES ($subject, $batch, $leaf)";
            var subject = index.Parameters.Add("$subject", SqliteType.Blob);
            index.Parameters.AddWithValue("$batch", root);
            var leaf = index.Parameters.Add("$leaf", SqliteType.Integer);
            index.Prepare();
            var bytes = new byte[SubjectPseudonym.Size];
            for (var i = 0; i < batch.Count; i++)
            {
                // The subject is bytes 1..33 of a canonical record (schema/consent.md).
                batch.RecordBytes(i).Slice(1, SubjectPseudonym.Size).CopyTo(bytes);
                subject.Value = bytes;
                leaf.Value = i;
                index.ExecuteNonQuery();
            }
        }
    }
}
