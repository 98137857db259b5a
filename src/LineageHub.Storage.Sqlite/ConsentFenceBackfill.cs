using LineageHub.Core.Hashing;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// The code half of migration 0003: fences for the consent batches stored before it, built in its
/// transaction so a database is never left with batches its lookups cannot find.
/// </summary>
internal static class ConsentFenceBackfill
{
    public const string Migration = "0003_consent_fences.sql";

    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var roots = new List<byte[]>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT root FROM consent_batches WHERE root NOT IN (SELECT batch FROM consent_fences) ORDER BY root";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                roots.Add((byte[])reader.GetValue(0));
            }
        }
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT count, records FROM consent_batches WHERE root = $root";
        var root = read.Parameters.Add("$root", SqliteType.Blob);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO consent_fences (batch, stride, fences) VALUES ($batch, $stride, $fences)";
        var batch = insert.Parameters.Add("$batch", SqliteType.Blob);
        insert.Parameters.AddWithValue("$stride", ConsentFenceIndex.DefaultStride);
        var fences = insert.Parameters.Add("$fences", SqliteType.Blob);
        // One batch in memory at a time: an old database may hold many batches of millions of records.
        foreach (var key in roots)
        {
            root.Value = key;
            long count;
            byte[] records;
            using (var reader = read.ExecuteReader())
            {
                reader.Read();
                count = reader.GetInt64(0);
                records = (byte[])reader.GetValue(1);
            }
            batch.Value = key;
            fences.Value = ConsentFenceIndex.Build(Digest.FromBytes(key), records, count);
            insert.ExecuteNonQuery();
        }
    }
}
