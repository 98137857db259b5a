using System.Threading.Channels;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Lineage;
using LineageHub.Core.Merkle;
using LineageHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite database in WAL mode with synchronous=FULL, so an
/// acknowledged append survives a crash. One writer task group-commits queued change sets (one fsync
/// per batch); readers use their own pooled connections. The Merkle tree and the adjacency index are
/// rebuilt in memory at open and extended after each commit.
/// </summary>
public sealed partial class SqliteLineageStore : ILineageStore, IConsentEvidenceStore
{
    public const string DatabaseFileName = "lineage.db";

    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly TreeHeadSigner _signer;
    private readonly SqliteConnection _writeConnection;
    private readonly MerkleTree _tree = new();
    private readonly LineageIndex _index = new();
    private readonly RecordCache<NodeRecord> _nodeCache = new(node => node.Properties.Length);
    private readonly RecordCache<EdgeRecord> _edgeCache = new(edge => edge.Properties.Length);
    private readonly ReaderSessions _readers;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    // Guarded by _treeLock: the tree and the newest head change together after each commit.
    private readonly Lock _treeLock = new();
    private SignedTreeHead _head;
    private DateTimeOffset _lastEntryTime;

    private SqliteLineageStore(string path, TimeProvider time, TreeHeadSigner signer, SqliteConnection writeConnection)
    {
        _path = path;
        _connectionString = writeConnection.ConnectionString;
        _readers = new ReaderSessions(_connectionString);
        _time = time;
        _signer = signer;
        _writeConnection = writeConnection;
        _head = null!;
        Load();
        _writer = Task.Run(WriteLoopAsync);
    }

    public string SigningPublicKeyPem => _signer.PublicKeyPem;

    /// <summary>The data folder's database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Opens (creating on first use) the store in <paramref name="dataDirectory"/>.</summary>
    public static SqliteLineageStore Open(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        TreeHeadSigner? signer = null;
        try
        {
            connection.Open();
            Pragma(connection, "PRAGMA journal_mode = WAL");
            Pragma(connection, "PRAGMA synchronous = FULL");
            // The writer inserts into unique (kind, key) and (src, kind, dst) indexes in key order, not
            // insertion order; a 2 MB default cache thrashes on a graph of millions of rows.
            Pragma(connection, "PRAGMA cache_size = -262144");
            SqliteMigrator.Migrate(connection);
            signer = TreeHeadSigner.OpenOrCreate(dataDirectory);
            return new SqliteLineageStore(path, time ?? TimeProvider.System, signer, connection);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT and SQLITE_NOTADB: a damaged or truncated file, or not a database at all.
            connection.Dispose();
            signer?.Dispose();
            throw LineageHubException.Corrupt(SqliteMessages.NotADatabase(path, ex.Message), ex);
        }
        catch
        {
            connection.Dispose();
            signer?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _readers.Dispose();
        _writeConnection.Dispose();
        _signer.Dispose();
        _index.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Rebuilds the tree from stored leaf hashes and the index from the projections, then checks the
    // newest signed head against both: a ledger edited by hand is refused at open, naming the size.
    private void Load()
    {
        using (var command = _writeConnection.CreateCommand())
        {
            command.CommandText = "SELECT seq, leaf_hash, time FROM ledger_entries ORDER BY seq";
            using var reader = command.ExecuteReader();
            var hash = new byte[MerkleHash.Size];
            while (reader.Read())
            {
                if (reader.GetInt64(0) != _tree.Size || reader.GetBytes(1, 0, hash, 0, hash.Length) != MerkleHash.Size)
                {
                    throw LineageHubException.Corrupt($"ledger entry {reader.GetInt64(0)} is out of sequence or its leaf hash is malformed (expected entry {_tree.Size})");
                }
                _tree.AppendLeafHash(hash);
                _lastEntryTime = ParseTime(reader.GetString(2));
            }
        }
        using (var command = _writeConnection.CreateCommand())
        {
            command.CommandText = "SELECT id, kind, key, seq FROM nodes ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = ReadKey(reader, 1);
                if (_index.AddNode(key, reader.GetInt64(3)) != reader.GetInt64(0))
                {
                    throw LineageHubException.Corrupt($"node ids are not dense at node {key} (id {reader.GetInt64(0)})");
                }
            }
        }
        using (var command = _writeConnection.CreateCommand())
        {
            command.CommandText = $"SELECT kind, src, dst, seq, props <> {NoPropertiesLiteral} FROM edges ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _index.AddEdge(ReadEdgeKind(reader, 0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4) != 0);
            }
        }
        _index.Compact();
        var head = ReadNewestHead(_writeConnection);
        if (head is null)
        {
            _head = _signer.Sign(0, Digest.FromBytes(MerkleHash.Empty), _time.GetUtcNow());
            return;
        }
        if (head.Size != _tree.Size || !head.Root.Bytes.SequenceEqual(_tree.RootAt(head.Size)))
        {
            throw LineageHubException.Corrupt(SqliteMessages.HeadMismatch(head.Size));
        }
        if (!_signer.Verify(head))
        {
            throw LineageHubException.Corrupt(SqliteMessages.BadHeadSignature(head.Size));
        }
        _head = head;
    }

    private sealed record PendingAppend(ChangeSet Changes, TaskCompletionSource<AppendResult> Completion, CancellationToken CancellationToken, ConsentEvidence? Evidence = null);
}
