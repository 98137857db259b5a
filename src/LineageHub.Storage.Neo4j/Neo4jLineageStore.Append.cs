using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

// Appends: one explicit transaction per change set, serialised on the ledger head, retried whole.
public sealed partial class Neo4jLineageStore
{
    public async Task<AppendResult> AppendAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        // One id for every attempt of this call: an attempt whose commit may have landed is recognised
        // by it (and the database's uniqueness constraint on it refuses a second write).
        var appendId = Guid.NewGuid().ToString("N");
        await _appendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delays = _client.Options.RetryDelays;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await TryAppendAsync(changes, appendId, isRetry: attempt > 0, cancellationToken).ConfigureAwait(false);
                }
                catch (QueryApiException ex) when (Retryable(ex) && attempt < delays.Count)
                {
                    await Task.Delay(delays[attempt], cancellationToken).ConfigureAwait(false);
                }
                catch (QueryApiException ex) when (Retryable(ex))
                {
                    throw new LineageHubException(ErrorCode.Unavailable, Neo4jMessages.GaveUp(_client.Options.Url, attempt + 1, ex.Message), ex);
                }
                catch (QueryApiException ex)
                {
                    throw ToUnavailable(ex);
                }
            }
        }
        finally
        {
            _appendGate.Release();
        }
    }

    // A transient failure, or losing a race another writer won (its entry took our position): either
    // way a fresh attempt re-reads the head and plans again.
    private static bool Retryable(QueryApiException ex) =>
        ex.IsTransient || ex.Neo4jCode is "Neo.ClientError.Schema.ConstraintValidationFailed" or "Neo.ClientError.Transaction.TransactionNotFound" || ex.Message == HeadMovedMessage;

    private const string HeadMovedMessage = "the ledger head moved while the entry was being written";

    private async Task<AppendResult> TryAppendAsync(ChangeSet changes, string appendId, bool isRetry, CancellationToken cancellationToken)
    {
        await using var transaction = await _client.BeginAsync(cancellationToken).ConfigureAwait(false);
        var locked = await transaction.RunAsync(CypherCatalog.Get("ledger_lock_head"), new Dictionary<string, object?> { ["appendId"] = appendId }, cancellationToken).ConfigureAwait(false);
        if (locked.Count != 1)
        {
            throw LineageHubException.Corrupt(Neo4jMessages.NotMigrated("the :LedgerHead node is missing"));
        }
        var size = locked.Int64(0, "size");
        var lastTime = locked.String(0, "time") is { Length: > 0 } text ? ParseTime(text) : DateTimeOffset.MinValue;

        // Only a retry can find an earlier attempt of its own (under the head lock, so it cannot be racing one).
        var earlier = isRetry
            ? await transaction.RunAsync(CypherCatalog.Get("ledger_find_append"), new Dictionary<string, object?> { ["appendId"] = appendId }, cancellationToken).ConfigureAwait(false)
            : null;
        if (earlier is { Count: > 0 })
        {
            // An earlier attempt committed, though its caller never heard: report it, write nothing.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var entry = LedgerEntryCodec.Decode(Encoding.UTF8.GetBytes(earlier.String(0, "entry") ?? ""));
            var headNow = await CurrentHeadAsync(cancellationToken).ConfigureAwait(false);
            return new AppendResult(entry.Seq, headNow, entry.Nodes.Count, (int)earlier.Int64(0, "nodesUnchanged"), entry.Edges.Count, (int)earlier.Int64(0, "edgesUnchanged"));
        }

        var facts = await PrefetchedFacts.LoadAsync(transaction, changes, cancellationToken).ConfigureAwait(false);
        var plan = ChangeSetPlanner.Plan(changes, facts);
        if (plan.IsEmpty)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new AppendResult(null, await CurrentHeadAsync(cancellationToken).ConfigureAwait(false), 0, plan.NodesUnchanged, 0, plan.EdgesUnchanged);
        }

        await CatchUpAsync(size, cancellationToken, transaction).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        // Entry times never go backwards, so "the graph as of time T" is one range look-up.
        var time = now > lastTime ? now : lastTime;
        var newEntry = new LedgerEntry(size, time, changes.Actor, plan.NewNodes, plan.NewEdges);
        byte[] root;
        lock (_treeLock)
        {
            // The shared tree only ever holds committed leaves: add ours to compute the root, then take it off again.
            if (_tree.Size != size)
            {
                throw new QueryApiException(HeadMovedMessage, null, null, isTransient: false);
            }
            _tree.AppendLeafHash(newEntry.LeafHash());
            root = _tree.RootAt(size + 1);
            _tree.TruncateTo(size);
        }
        var head = _signer.Sign(size + 1, Digest.FromBytes(root), time);

        var written = await transaction.RunAsync(CypherCatalog.Get("ledger_append_entry"), new Dictionary<string, object?>
        {
            ["seq"] = size,
            ["time"] = LedgerEntryCodec.FormatTime(time),
            ["entry"] = Encoding.UTF8.GetString(newEntry.Bytes),
            ["leafHash"] = Convert.ToHexStringLower(newEntry.LeafHash()),
            ["appendId"] = appendId,
            ["nodesUnchanged"] = plan.NodesUnchanged,
            ["edgesUnchanged"] = plan.EdgesUnchanged,
        }, cancellationToken).ConfigureAwait(false);
        if (written.Count != 1)
        {
            throw new QueryApiException(HeadMovedMessage, null, null, isTransient: false);
        }
        foreach (var chunk in plan.NewNodes.Chunk(FactChunk))
        {
            var created = await transaction.RunAsync(CypherCatalog.Get("ledger_append_nodes"), new Dictionary<string, object?>
            {
                ["nodes"] = chunk.Select(n => new Dictionary<string, object?>
                {
                    ["id"] = n.Key.ToString(),
                    ["kind"] = NodeKinds.Name(n.Key.Kind),
                    ["key"] = n.Key.Key,
                    ["props"] = Encoding.UTF8.GetString(n.Properties),
                }).ToArray(),
                ["seq"] = size,
            }, cancellationToken).ConfigureAwait(false);
            ExpectCreated(created, chunk.Length, "nodes");
        }
        var ord = 0;
        foreach (var chunk in plan.NewEdges.Chunk(FactChunk))
        {
            var created = await transaction.RunAsync(CypherCatalog.Get("ledger_append_edges"), new Dictionary<string, object?>
            {
                ["edges"] = chunk.Select(e => new Dictionary<string, object?>
                {
                    ["id"] = EdgeId(e.Kind, e.From, e.To),
                    ["kind"] = EdgeRules.Name(e.Kind),
                    ["from"] = e.From.ToString(),
                    ["to"] = e.To.ToString(),
                    ["props"] = Encoding.UTF8.GetString(e.Properties),
                    ["ord"] = ord++,
                }).ToArray(),
                ["seq"] = size,
            }, cancellationToken).ConfigureAwait(false);
            ExpectCreated(created, chunk.Length, "edges");
        }
        await transaction.RunAsync(CypherCatalog.Get("ledger_append_tree_head"), HeadParameters(head), cancellationToken).ConfigureAwait(false);
        // Not cancellable from here on: once the commit is sent, the caller must learn whether it landed.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);

        lock (_treeLock)
        {
            if (_tree.Size == size)
            {
                _tree.AppendLeafHash(newEntry.LeafHash());
            }
            if (_verifiedHead is null || head.Size > _verifiedHead.Size)
            {
                _verifiedHead = head;
            }
        }
        return new AppendResult(size, head, plan.NewNodes.Count, plan.NodesUnchanged, plan.NewEdges.Count, plan.EdgesUnchanged);
    }

    private static void ExpectCreated(QueryResult created, int expected, string what)
    {
        if (created.Count != 1 || created.Int64(0, "created") != expected)
        {
            // Only if a node vanished between planning and writing, which the head lock rules out: roll back rather than write half.
            throw new QueryApiException($"expected to create {expected} {what}, Neo4j created {(created.Count == 1 ? created.Int64(0, "created") : 0)}", null, null, isTransient: false);
        }
    }
}
