using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

// The single writer: group commit of queued change sets, each in its own savepoint.
public sealed partial class SqliteLineageStore
{
    private const int MaxBatchChangeSets = 1024;
    private const int MaxBatchFacts = 200_000;

    public Task<AppendResult> AppendAsync(ChangeSet changes, CancellationToken cancellationToken = default) =>
        Enqueue(changes, null, cancellationToken);

    private Task<AppendResult> Enqueue(ChangeSet changes, ConsentEvidence? evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(changes, new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken, evidence);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteLineageStore), "the store is closed");
        }
        // Not WaitAsync(cancellationToken): once the writer has taken a change set it is written or
        // refused as a whole, and the caller learns which.
        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var facts = 0;
            while (batch.Count < MaxBatchChangeSets && facts < MaxBatchFacts && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                facts += pending.Changes.Count;
            }
            try
            {
                WriteBatch(batch);
            }
            catch (Exception ex)
            {
                // The audit path never swallows a failure: every caller in the batch learns that nothing was written.
                var failure = ex as LineageHubException ?? new LineageHubException(ErrorCode.Unavailable, $"the ledger could not be written; nothing in this batch was recorded: {ex.Message}", ex);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(failure);
                }
            }
        }
    }

    private void WriteBatch(List<PendingAppend> batch)
    {
        var sizeBefore = _tree.Size;
        var size = sizeBefore;
        var nextNodeId = (long)_index.NodeCount;
        var now = _time.GetUtcNow();
        // Entry times never go backwards, so "the graph as of time T" is one binary search.
        var time = now > _lastEntryTime ? now : _lastEntryTime;
        var lookup = new BatchLookup(this);
        var outcomes = new List<(PendingAppend Pending, long? Seq, ChangePlan Plan)>();
        var committedNodes = new List<(NodeKey, long)>();
        var committedEdges = new List<(EdgeKind, NodeKey, NodeKey, long, bool)>();

        using var transaction = _writeConnection.BeginTransaction();
        using var writer = new BatchWriter(_writeConnection, transaction);
        lookup.Transaction = transaction;
        foreach (var pending in batch)
        {
            if (pending.CancellationToken.IsCancellationRequested)
            {
                pending.Completion.TrySetCanceled(pending.CancellationToken);
                continue;
            }
            ChangePlan plan;
            try
            {
                plan = ChangeSetPlanner.Plan(pending.Changes, lookup);
            }
            catch (LineageHubException ex)
            {
                pending.Completion.TrySetException(ex);
                continue;
            }
            if (plan.IsEmpty)
            {
                outcomes.Add((pending, null, plan));
                continue;
            }
            var entry = new LedgerEntry(size, time, pending.Changes.Actor, plan.NewNodes, plan.NewEdges);
            var ids = new Dictionary<NodeKey, long>();
            writer.Savepoint();
            try
            {
                writer.InsertEntry(entry);
                foreach (var node in plan.NewNodes)
                {
                    ids[node.Key] = nextNodeId + ids.Count;
                    writer.InsertNode(ids[node.Key], node, size);
                }
                foreach (var edge in plan.NewEdges)
                {
                    writer.InsertEdge(edge, lookup.IdOf(edge.From, ids), lookup.IdOf(edge.To, ids), size);
                }
                if (pending.Evidence is { } evidence)
                {
                    InsertEvidence(evidence, transaction);
                }
                writer.Release();
            }
            catch (SqliteException ex)
            {
                writer.RollbackToSavepoint();
                pending.Completion.TrySetException(new LineageHubException(ErrorCode.Unavailable, $"the change set could not be written; nothing of it was recorded: {ex.Message}", ex));
                continue;
            }
            nextNodeId += ids.Count;
            lookup.Accept(plan, ids);
            lock (_treeLock)
            {
                _tree.AppendLeafHash(entry.LeafHash());
            }
            foreach (var node in plan.NewNodes)
            {
                committedNodes.Add((node.Key, size));
            }
            foreach (var edge in plan.NewEdges)
            {
                committedEdges.Add((edge.Kind, edge.From, edge.To, size, HasProperties(edge.Properties)));
            }
            outcomes.Add((pending, size, plan));
            size++;
        }

        var head = _head;
        try
        {
            if (size > sizeBefore)
            {
                byte[] root;
                lock (_treeLock)
                {
                    root = _tree.RootAt(size);
                }
                head = _signer.Sign(size, Digest.FromBytes(root), time);
                writer.InsertHead(head);
            }
            transaction.Commit();
        }
        catch
        {
            lock (_treeLock)
            {
                _tree.TruncateTo(sizeBefore);
            }
            throw;
        }

        lock (_treeLock)
        {
            _head = head;
            _lastEntryTime = time;
        }
        _index.AddCommitted(committedNodes, committedEdges);
        foreach (var (pending, seq, plan) in outcomes)
        {
            pending.Completion.TrySetResult(new AppendResult(
                seq, head, plan.NewNodes.Count, plan.NodesUnchanged, plan.NewEdges.Count, plan.EdgesUnchanged));
        }
    }
}
