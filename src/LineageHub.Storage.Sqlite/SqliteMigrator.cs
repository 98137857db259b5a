using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>Applies the migrations of schema/sqlite (embedded) that the database has not seen, each in its own transaction (with its code step, if it has one).</summary>
internal static class SqliteMigrator
{
    // Steps SQL cannot express, run after their migration's script in the same transaction.
    private static readonly Dictionary<string, Action<SqliteConnection, SqliteTransaction>> CodeSteps = new(StringComparer.Ordinal)
    {
        [ConsentFenceBackfill.Migration] = ConsentFenceBackfill.Run,
    };

    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var assembly = typeof(SqliteMigrator).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var resource in names)
        {
            var name = resource["migrations/".Length..];
            using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM schema_migrations WHERE name = $name";
            check.Parameters.AddWithValue("$name", name);
            if ((long)check.ExecuteScalar()! > 0)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, reader.ReadToEnd());
            if (CodeSteps.TryGetValue(name, out var step))
            {
                step(connection, transaction);
            }
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (name, applied_at) VALUES ($name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
            record.Parameters.AddWithValue("$name", name);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
