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

    // Binary search of each batch's fences, then an incremental read of the few kilobytes of its records
    // blob where the subject can be: a lookup never loads a whole batch (schema/consent.md, "Storage").
    // Unlike a proof, it does not re-hash the batch to its root; the scan checks the bytes it reads.
    public async Task<IReadOnlyList<(Digest Batch, ConsentRecord Record)>> FindConsentRecordsAsync(SubjectPseudonym subject, CancellationToken cancellationToken = default)
    {
        var target = subject.ToBytes();
        var located = new List<(long RowId, Digest Root, ConsentFenceIndex Fences, ConsentFenceRange Range)>();
        await using var connection = OpenReader();
        // One read transaction: the fences and the blob reads see the same snapshot.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            // length(records) reads the record header only, not the blob.
            command.CommandText = """
                SELECT b.rowid, b.root, b.count, length(b.records), f.stride, f.fences
                FROM consent_batches b LEFT JOIN consent_fences f ON f.batch = b.root
                ORDER BY b.root
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var root = Digest.FromBytes((byte[])reader.GetValue(1));
                if (reader.IsDBNull(5))
                {
                    throw Core.LineageHubException.Corrupt(SqliteMessages.NoFenceIndex(root));
                }
                var fences = ConsentFenceIndex.Read(root, (byte[])reader.GetValue(5), reader.GetInt64(4), reader.GetInt64(2), reader.GetInt64(3));
                var range = fences.Locate(target);
                if (!range.IsEmpty)
                {
                    located.Add((reader.GetInt64(0), root, fences, range));
                }
            }
        }
        var result = new List<(Digest, ConsentRecord)>();
        foreach (var (rowId, root, fences, range) in located)
        {
            var bytes = new byte[fences.ReadLength(range)];
            using (var blob = new SqliteBlob(connection, "consent_batches", "records", rowId, readOnly: true))
            {
                blob.Position = range.Start;
                blob.ReadExactly(bytes);
            }
            result.AddRange(fences.Scan(range, bytes, target).Select(record => (root, record)));
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
            long rowId;
            using (var command = _writeConnection.CreateCommand())
            {
                // The row is made with a zero blob of the right length and the records written into its pages:
                // binding them as a parameter copies the whole batch three times before SQLite stores it.
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO consent_batches (root, count, records) VALUES ($root, $count, zeroblob($length)) RETURNING rowid";
                command.Parameters.AddWithValue("$root", root);
                command.Parameters.AddWithValue("$count", batch.Count);
                command.Parameters.AddWithValue("$length", batch.Bytes.Length);
                if (command.ExecuteScalar() is not long inserted)
                {
                    continue;
                }
                rowId = inserted;
            }
            using (var records = new SqliteBlob(_writeConnection, "consent_batches", "records", rowId))
            {
                records.Write(batch.Bytes);
            }
            // REPLACE: a fence row left by a batch deleted outside LineageHub must not block storing it again.
            using var fences = _writeConnection.CreateCommand();
            fences.Transaction = transaction;
            fences.CommandText = "INSERT OR REPLACE INTO consent_fences (batch, stride, fences) VALUES ($batch, $stride, $fences)";
            fences.Parameters.AddWithValue("$batch", root);
            fences.Parameters.AddWithValue("$stride", ConsentFenceIndex.DefaultStride);
            fences.Parameters.AddWithValue("$fences", ConsentFenceIndex.Build(batch.Root, batch.Bytes, batch.Count));
            fences.ExecuteNonQuery();
        }
    }
}
