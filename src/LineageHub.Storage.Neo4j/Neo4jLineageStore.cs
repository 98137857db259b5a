using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Core.Storage;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

/// <summary>
/// The scaled-out store: the ledger, the signed tree heads and the graph projections in one Neo4j
/// database, over its HTTP Query API. Any number of LineageHub servers may share the database: reads go
/// straight to Neo4j; every append locks the one <c>:LedgerHead</c> node in its transaction, so appends
/// serialise on the ledger head and the log never forks. Each server keeps the Merkle tree in memory
/// for proofs and catches it up from the stored leaf hashes whenever the newest head has moved.
/// </summary>
public sealed partial class Neo4jLineageStore : ILineageStore
{
    private const int LeafPage = 10_000;

    private readonly QueryApiClient _client;
    private readonly TreeHeadSigner _signer;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _appendGate = new(1, 1);

    // Guarded by _treeLock: holds the leaves of every committed entry this server has seen.
    private readonly Lock _treeLock = new();
    private readonly MerkleTree _tree = new();
    private SignedTreeHead? _verifiedHead;

    private Neo4jLineageStore(QueryApiClient client, TreeHeadSigner signer, TimeProvider time)
    {
        _client = client;
        _signer = signer;
        _time = time;
    }

    public string SigningPublicKeyPem => _signer.PublicKeyPem;

    /// <summary>Where the store is, for logs: the URL and database.</summary>
    public string Location => $"{_client.Options.Url} (database {_client.Options.Database})";

    /// <summary>
    /// Connects, applies the migrations the database lacks, and checks the newest signed head against the
    /// stored log. The signing key lives in <paramref name="keyDirectory"/> (created on first use); every
    /// server over one database must hold the same key.
    /// </summary>
    public static async Task<Neo4jLineageStore> OpenAsync(Neo4jConnectionOptions options, string keyDirectory, TimeProvider? time = null, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(keyDirectory);
        var client = new QueryApiClient(options, handler);
        TreeHeadSigner? signer = null;
        try
        {
            signer = TreeHeadSigner.OpenOrCreate(keyDirectory);
            var store = new Neo4jLineageStore(client, signer, time ?? TimeProvider.System);
            try
            {
                await Neo4jMigrator.MigrateAsync(client, store._time, cancellationToken).ConfigureAwait(false);
            }
            catch (QueryApiException ex)
            {
                throw new LineageHubException(ErrorCode.Unavailable, ex.NoResponse || ex.IsTransient
                    ? Neo4jMessages.Unreachable(options.Url, ex.Message)
                    : Neo4jMessages.Failed(options.Url, ex.Message), ex);
            }
            await store.CurrentHeadAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            client.Dispose();
            signer?.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _signer.Dispose();
        _appendGate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The newest signed head in the database, with the in-memory tree caught up to it and checked against it.</summary>
    private Task<SignedTreeHead> CurrentHeadAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        var rows = await _client.RunAsync(CypherCatalog.Get("ledger_newest_head"), null, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return _signer.Sign(0, Digest.FromBytes(MerkleHash.Empty), _time.GetUtcNow());
        }
        var head = ReadHead(rows, 0);
        await CatchUpAsync(head.Size, cancellationToken).ConfigureAwait(false);
        lock (_treeLock)
        {
            if (_verifiedHead is { } known && known.Size == head.Size && known.Signature.AsSpan().SequenceEqual(head.Signature))
            {
                return known;
            }
            if (!head.Root.Bytes.SequenceEqual(_tree.RootAt(head.Size)))
            {
                throw LineageHubException.Corrupt(Neo4jMessages.HeadMismatch(head.Size));
            }
            if (!_signer.Verify(head))
            {
                throw LineageHubException.Corrupt(Neo4jMessages.BadHeadSignature(head.Size, head.KeyId));
            }
            if (_verifiedHead is null || head.Size >= _verifiedHead.Size)
            {
                _verifiedHead = head;
            }
            return head;
        }
    }, cancellationToken);

    // Appends the stored leaf hashes this server has not seen, up to size (never beyond a signed head).
    private async Task CatchUpAsync(long size, CancellationToken cancellationToken, QueryApiTransaction? transaction = null)
    {
        while (true)
        {
            long from;
            lock (_treeLock)
            {
                from = _tree.Size;
            }
            if (from >= size)
            {
                return;
            }
            var parameters = new Dictionary<string, object?> { ["from"] = from, ["limit"] = Math.Min(LeafPage, size - from) };
            var statement = CypherCatalog.Get("ledger_leaf_hashes");
            var rows = transaction is null
                ? await _client.RunAsync(statement, parameters, cancellationToken).ConfigureAwait(false)
                : await transaction.RunAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                throw LineageHubException.Corrupt($"ledger entry {from} is missing from Neo4j, below the head's size {size}");
            }
            lock (_treeLock)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var seq = rows.Int64(i, "seq");
                    if (seq < _tree.Size)
                    {
                        continue; // another caller caught up meanwhile
                    }
                    if (seq != _tree.Size || !Digest.TryParse(rows.String(i, "leafHash"), out var leaf))
                    {
                        throw LineageHubException.Corrupt($"ledger entry {seq} is out of sequence or its leaf hash is malformed (expected entry {_tree.Size})");
                    }
                    _tree.AppendLeafHash(leaf.Bytes);
                }
            }
        }
    }

    // One policy at the port's boundary: whatever Neo4j did not do becomes Unavailable, naming the server.
    private async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (QueryApiException ex)
        {
            throw ToUnavailable(ex);
        }
    }

    private LineageHubException ToUnavailable(QueryApiException ex) =>
        new(ErrorCode.Unavailable, ex.IsTransient ? Neo4jMessages.Unreachable(_client.Options.Url, ex.Message) : Neo4jMessages.Failed(_client.Options.Url, ex.Message), ex);
}
