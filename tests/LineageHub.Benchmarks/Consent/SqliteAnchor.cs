using System.Diagnostics;
using System.Text;
using LineageHub.Connectors.Consent;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing.Consent;
using Microsoft.Data.Sqlite;

namespace LineageHub.Benchmarks.Consent;

/// <summary>
/// The anchors in SQLite: the same consent records bulk-inserted into an indexed table, and the same
/// question — which subjects of v1's sources had no valid grant at training time — as one SQL query.
/// </summary>
internal sealed class SqliteAnchor : IDisposable
{
    private const string Schema = """
        CREATE TABLE consent (subject BLOB NOT NULL, purpose TEXT NOT NULL, basis TEXT NOT NULL, granted INTEGER NOT NULL, expires INTEGER, withdrawn INTEGER);
        CREATE INDEX consent_by_subject ON consent (subject, purpose);
        """;

    private readonly SqliteConnection _connection;

    private SqliteAnchor(SqliteConnection connection) => _connection = connection;

    /// <summary>Seconds to parse the export, pseudonymise each subject and insert every row in one durable transaction.</summary>
    public static double BulkInsert(string path, string export, SubjectPseudonymizer pseudonymizer)
    {
        using var connection = Open(path);
        var watch = Stopwatch.StartNew();
        Execute(connection, Schema);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO consent VALUES ($s, $p, $b, $g, $e, $w)";
        var parameters = new[] { "$s", "$p", "$b", "$g", "$e", "$w" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        foreach (var line in File.ReadLines(export).Skip(1))
        {
            var fields = line.Split(',');
            parameters[0].Value = pseudonymizer.Pseudonymize(Encoding.UTF8.GetBytes(fields[0])).ToBytes();
            parameters[1].Value = fields[1];
            parameters[2].Value = fields[2];
            parameters[3].Value = Micros(fields[3])!;
            parameters[4].Value = Micros(fields[4]) ?? (object)DBNull.Value;
            parameters[5].Value = Micros(fields[5]) ?? (object)DBNull.Value;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>v1's source subject sets and every recorded consent record, copied out of the store (not timed).</summary>
    public static SqliteAnchor Load(string path, SqliteLineageStore store, ConsentScenario scenario)
    {
        var connection = Open(path);
        Execute(connection, Schema + "CREATE TABLE members (subject BLOB NOT NULL, covered INTEGER NOT NULL);");
        using var transaction = connection.BeginTransaction();
        using (var member = connection.CreateCommand())
        {
            member.Transaction = transaction;
            member.CommandText = "INSERT INTO members VALUES ($s, $c)";
            var subject = member.Parameters.Add("$s", SqliteType.Blob);
            var covered = member.Parameters.Add("$c", SqliteType.Integer);
            foreach (var source in ConsentScenario.Internal.Concat(ConsentScenario.Vendors))
            {
                var version = store.FindNodeAsync(scenario.SourceVersion(source, 1).Key).GetAwaiter().GetResult()!.As<DatasetVersion>();
                var set = store.GetSubjectSetAsync(version.Subjects!.Root).GetAwaiter().GetResult()!;
                covered.Value = ConsentScenario.Vendors.Contains(source) ? 1 : 0;
                foreach (var pseudonym in set.Members)
                {
                    subject.Value = pseudonym.ToBytes();
                    member.ExecuteNonQuery();
                }
            }
        }
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO consent VALUES ($s, $p, $b, $g, $e, $w)";
            var parameters = new[] { "$s", "$p", "$b", "$g", "$e", "$w" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var node in store.ListNodesAsync(NodeKind.ConsentBatch, null, null, 1000).GetAwaiter().GetResult())
            {
                var batch = store.GetConsentBatchAsync(node.As<ConsentBatch>().Root).GetAwaiter().GetResult()!;
                foreach (var record in batch.Records())
                {
                    parameters[0].Value = record.Subject.ToBytes();
                    parameters[1].Value = record.Purpose;
                    parameters[2].Value = record.Basis.ToString();
                    parameters[3].Value = ConsentRecordCodec.Micros(record.GrantedAt);
                    parameters[4].Value = record.ExpiresAt is { } e ? ConsentRecordCodec.Micros(e) : DBNull.Value;
                    parameters[5].Value = record.WithdrawnAt is { } w ? ConsentRecordCodec.Micros(w) : DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }
        }
        transaction.Commit();
        Execute(connection, "ANALYZE");
        return new SqliteAnchor(connection);
    }

    /// <summary>The subjects (of sources not covered by an agreement) with no grant valid at <paramref name="time"/>, by the rules of schema/consent.md.</summary>
    public (double Seconds, long Violations) JoinAndCheck(DateTimeOffset time)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = """
            SELECT count(*) FROM members m
            WHERE m.covered = 0 AND NOT EXISTS (
              SELECT 1 FROM consent g
              WHERE g.subject = m.subject AND g.purpose = $p AND g.granted <= $t
                AND (g.expires IS NULL OR g.expires > $t) AND (g.withdrawn IS NULL OR g.withdrawn > $t)
                AND NOT EXISTS (
                  SELECT 1 FROM consent w
                  WHERE w.subject = m.subject AND w.purpose = $p AND w.withdrawn IS NOT NULL AND w.withdrawn >= g.granted AND w.withdrawn <= $t))
            """;
        query.Parameters.AddWithValue("$p", ConsentScenario.Purpose);
        query.Parameters.AddWithValue("$t", ConsentRecordCodec.Micros(time));
        var watch = Stopwatch.StartNew();
        var violations = (long)query.ExecuteScalar()!;
        return (watch.Elapsed.TotalSeconds, violations);
    }

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -262144;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long? Micros(string text) =>
        text.Length == 0 ? null : ConsentRecordCodec.Micros(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
