using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>Prepared insert statements for one write transaction; parameterised SQL only.</summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly SqliteCommand _entry;
    private readonly SqliteCommand _node;
    private readonly SqliteCommand _edge;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollback;

    public BatchWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _entry = Prepare(connection, transaction, "INSERT INTO ledger_entries (seq, time, entry, leaf_hash) VALUES ($seq, $time, $entry, $leaf)", "$seq", "$time", "$entry", "$leaf");
        _node = Prepare(connection, transaction, "INSERT INTO nodes (id, kind, key, props, seq) VALUES ($id, $kind, $key, $props, $seq)", "$id", "$kind", "$key", "$props", "$seq");
        _edge = Prepare(connection, transaction, "INSERT INTO edges (kind, src, dst, props, seq) VALUES ($kind, $src, $dst, $props, $seq)", "$kind", "$src", "$dst", "$props", "$seq");
        _head = Prepare(connection, transaction, "INSERT INTO tree_heads (size, root, time, signature, key_id) VALUES ($size, $root, $time, $signature, $key)", "$size", "$root", "$time", "$signature", "$key");
        _savepoint = Prepare(connection, transaction, "SAVEPOINT change_set");
        _release = Prepare(connection, transaction, "RELEASE change_set");
        _rollback = Prepare(connection, transaction, "ROLLBACK TO change_set; RELEASE change_set");
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void Release() => _release.ExecuteNonQuery();

    public void RollbackToSavepoint() => _rollback.ExecuteNonQuery();

    public void InsertEntry(LedgerEntry entry) =>
        Run(_entry, entry.Seq, LedgerEntryCodec.FormatTime(entry.Time), entry.Bytes, entry.LeafHash());

    public void InsertNode(long id, NodeFact node, long seq) =>
        Run(_node, id, NodeKinds.Name(node.Key.Kind), node.Key.Key, node.Properties, seq);

    public void InsertEdge(EdgeFact edge, long from, long to, long seq) =>
        Run(_edge, EdgeRules.Name(edge.Kind), from, to, edge.Properties, seq);

    public void InsertHead(SignedTreeHead head) =>
        Run(_head, head.Size, head.Root.Bytes.ToArray(), LedgerEntryCodec.FormatTime(head.Time), head.Signature, head.KeyId);

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_entry, _node, _edge, _head, _savepoint, _release, _rollback])
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }
}
