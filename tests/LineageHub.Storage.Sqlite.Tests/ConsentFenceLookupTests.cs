using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;
using LineageHub.Testing;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>Subject lookups in stored consent batches through their sparse fence index (schema/sqlite/0003_consent_fences.sql).</summary>
public sealed class ConsentFenceLookupTests : IDisposable
{
    private const int Stride = ConsentFenceIndex.DefaultStride;

    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, SqliteLineageStore.DatabaseFileName);

    [Fact]
    public async Task Find_EverySubjectOfABatch_GetsExactlyItsRecords()
    {
        // One to five records a subject: fences fall at the start, middle and end of subjects' runs.
        var subjects = Enumerable.Range(1, 300).Select(i => (Some.Subject(i * 10), 1 + (i % 5))).ToArray();
        var batch = Some.ConsentBatch(subjects);
        await using var store = SqliteLineageStore.Open(_directory.Path);
        await StoreAsync(store, batch);

        foreach (var (subject, records) in subjects)
        {
            var found = await store.FindConsentRecordsAsync(subject);
            Assert.Equal(records, found.Count);
            Assert.Equal(RecordsOf(batch, subject), found.Select(f => f.Record));
            Assert.All(found, f => Assert.Equal(batch.Root, f.Batch));
        }
    }

    [Fact]
    public async Task Find_SubjectsAtTheBatchStartAndEnd_GetTheirRecords()
    {
        var (first, last) = (Some.Subject(1), Some.Subject(1000));
        var batch = Some.ConsentBatch([(first, 2), .. Enumerable.Range(2, 2 * Stride).Select(i => (Some.Subject(i), 1)), (last, 3)]);
        await using var store = SqliteLineageStore.Open(_directory.Path);
        await StoreAsync(store, batch);

        Assert.Equal(RecordsOf(batch, first), (await store.FindConsentRecordsAsync(first)).Select(f => f.Record));
        Assert.Equal(RecordsOf(batch, last), (await store.FindConsentRecordsAsync(last)).Select(f => f.Record));
    }

    [Fact]
    public async Task Find_ASubjectWhoseRecordsCrossSeveralFences_GetsThemAll()
    {
        // Records 40 to 189 are the subject's: they begin between fences 0 and 1 and run past fence 2.
        var subject = Some.Subject(500);
        var batch = Some.ConsentBatch([.. Enumerable.Range(1, 40).Select(i => (Some.Subject(i), 1)), (subject, 150), .. Enumerable.Range(600, 40).Select(i => (Some.Subject(i), 1))]);
        await using var store = SqliteLineageStore.Open(_directory.Path);
        await StoreAsync(store, batch);

        var found = await store.FindConsentRecordsAsync(subject);

        Assert.Equal(150, found.Count);
        Assert.Equal(RecordsOf(batch, subject), found.Select(f => f.Record));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(655)]
    [InlineData(int.MaxValue)]
    public async Task Find_AnAbsentSubject_GetsNothing(int order)
    {
        // Subjects 10, 20, …, 3000: 5 sorts before them all, 655 between two, the largest after them all.
        var batch = Some.ConsentBatch(Enumerable.Range(1, 300).Select(i => (Some.Subject(i * 10), 2)));
        await using var store = SqliteLineageStore.Open(_directory.Path);
        await StoreAsync(store, batch);

        Assert.Empty(await store.FindConsentRecordsAsync(Some.Subject(order)));
    }

    [Fact]
    public async Task Find_AcrossManyBatches_GetsEachBatchsRecordsInRootOrder()
    {
        // The subject sorts among the others (8·i + b, b < 6) but is never one of them.
        var subject = Some.Subject(407);
        var batches = Enumerable.Range(0, 6).Select(b => Some.ConsentBatch(
            Enumerable.Range(1, 100 + (b * 30)).Select(i => (Some.Subject((i * 8) + b), 1)).Concat(b % 2 == 0 ? [(subject, b + 1)] : []))).ToList();
        await using var store = SqliteLineageStore.Open(_directory.Path);
        foreach (var batch in batches)
        {
            await StoreAsync(store, batch);
        }

        var found = await store.FindConsentRecordsAsync(subject);

        var expected = batches.Where(b => RecordsOf(b, subject).Any()).OrderBy(b => b.Root.ToString(), StringComparer.Ordinal)
            .SelectMany(b => RecordsOf(b, subject).Select(r => (b.Root, r)));
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task Append_TheSameBatchTwice_KeepsOneFenceIndex()
    {
        var batch = Some.ConsentBatch(Enumerable.Range(1, 100).Select(i => (Some.Subject(i), 1)));
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await StoreAsync(store, batch);
            await store.AppendWithEvidenceAsync(ChangeSet.Builder("test").Add(Some.Dataset()).Build(), new ConsentEvidence([], [batch]));
        }

        Assert.Equal(1L, Scalar("SELECT count(*) FROM consent_fences"));
    }

    [Fact]
    public async Task Open_ADatabaseFromBeforeTheFenceIndex_BuildsFencesAndDropsThePerRecordIndex()
    {
        var subject = Some.Subject(1000);
        var batches = new[]
        {
            Some.ConsentBatch([.. Enumerable.Range(1, 200).Select(i => (Some.Subject(i), 1)), (subject, 1)]),
            Some.ConsentBatch([.. Enumerable.Range(1, 90).Select(i => (Some.Subject(i * 3), 2)), (subject, 4)]),
        };
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            foreach (var batch in batches)
            {
                await StoreAsync(store, batch);
            }
        }
        RevertToSchema0002();

        await using (var reopened = SqliteLineageStore.Open(_directory.Path))
        {
            Assert.Equal(5, (await reopened.FindConsentRecordsAsync(subject)).Count);
            Assert.Equal(3, (await reopened.FindConsentRecordsAsync(Some.Subject(3))).Count);
        }
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'consent_subjects'"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM consent_fences"));
    }

    [Fact]
    public async Task Open_ADatabaseFromBeforeTheFenceIndexWithADamagedBatch_RefusesNamingTheBatch()
    {
        var batch = Some.ConsentBatch(Enumerable.Range(1, 100).Select(i => (Some.Subject(i), 1)));
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await StoreAsync(store, batch);
        }
        RevertToSchema0002();
        Execute("UPDATE consent_batches SET records = substr(records, 1, length(records) - 5)");

        var error = Assert.Throws<LineageHubException>(() => SqliteLineageStore.Open(_directory.Path));

        Assert.Equal(ErrorCode.Corrupt, error.Code);
        Assert.Contains(batch.Root.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fences cut short")]
    [InlineData("stride changed")]
    [InlineData("fence out of order")]
    [InlineData("fence names another subject")]
    [InlineData("fence points a record later")]
    [InlineData("count changed")]
    [InlineData("fences deleted")]
    [InlineData("record edited")]
    public async Task Find_WithADamagedIndexOrBatch_IsRefusedAsCorrupt(string damage)
    {
        // 300 subjects of 2 records: fence i names subject 32·i + 1, and subject 40 lies between fences 1 and 2.
        var batch = Some.ConsentBatch(Enumerable.Range(1, 300).Select(i => (Some.Subject(i), 2)));
        await using (var store = SqliteLineageStore.Open(_directory.Path))
        {
            await StoreAsync(store, batch);
        }
        var recordSize = 2 + batch.RecordBytes(0).Length;
        switch (damage)
        {
            case "fences cut short":
                Execute("UPDATE consent_fences SET fences = substr(fences, 1, length(fences) - 1)");
                break;
            case "stride changed":
                Execute("UPDATE consent_fences SET stride = 32");
                break;
            case "fence out of order":
                EditFences(f => f.AsSpan(0, ConsentFenceIndex.FenceSize).CopyTo(f.AsSpan(2 * ConsentFenceIndex.FenceSize)));
                break;
            case "fence names another subject":
                // Still in order, so only the scan can tell: fence 2 claims subject 41, the record it points at is 65's.
                EditFences(f => Some.Subject(41).WriteTo(f.AsSpan(2 * ConsentFenceIndex.FenceSize)));
                break;
            case "fence points a record later":
                EditFences(f =>
                {
                    var at = (2 * ConsentFenceIndex.FenceSize) + SubjectPseudonym.Size;
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(at), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(at)) + (uint)recordSize);
                });
                break;
            case "count changed":
                Execute("UPDATE consent_batches SET count = count - 1");
                break;
            case "fences deleted":
                Execute("DELETE FROM consent_fences");
                break;
            case "record edited":
                // Subject 40's first record becomes subject 200's: out of order within the stretch read.
                var records = batch.Bytes.ToArray();
                Some.Subject(200).WriteTo(records.AsSpan((78 * recordSize) + 3));
                Execute("UPDATE consent_batches SET records = $records", ("$records", records));
                break;
        }

        await using var reopened = SqliteLineageStore.Open(_directory.Path);
        var error = await Assert.ThrowsAsync<LineageHubException>(async () =>
        {
            await reopened.FindConsentRecordsAsync(Some.Subject(40));
            await reopened.FindConsentRecordsAsync(Some.Subject(300));
        });

        Assert.Equal(ErrorCode.Corrupt, error.Code);
        Assert.Contains(batch.Root.ToString(), error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static IEnumerable<ConsentRecord> RecordsOf(ConsentRecordBatch batch, SubjectPseudonym subject) =>
        batch.Records().Where(r => r.Subject == subject);

    private static Task<AppendResult> StoreAsync(SqliteLineageStore store, ConsentRecordBatch batch) =>
        store.AppendWithEvidenceAsync(
            ChangeSet.Builder("test").Add(new ConsentBatch(batch.Root, batch.Count, "consent-hub", ["credit-scoring"])).Build(),
            new ConsentEvidence([], [batch]));

    // The database as migration 0002 left it: the per-record index (filled, as 0002's writer did) and no fences.
    private void RevertToSchema0002()
    {
        Execute("""
            DROP TABLE consent_fences;
            CREATE TABLE consent_subjects (
                subject BLOB    NOT NULL CHECK (length(subject) = 32),
                batch   BLOB    NOT NULL,
                leaf    INTEGER NOT NULL,
                PRIMARY KEY (subject, batch, leaf)
            ) WITHOUT ROWID;
            DELETE FROM schema_migrations WHERE name = '0003_consent_fences.sql';
            """);
        Execute("INSERT INTO consent_subjects SELECT zeroblob(32), root, 0 FROM consent_batches");
    }

    private void EditFences(Action<byte[]> edit)
    {
        var fences = (byte[])Scalar("SELECT fences FROM consent_fences")!;
        edit(fences);
        Execute("UPDATE consent_fences SET fences = $fences", ("$fences", fences));
    }

    private object? Scalar(string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
