namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Batches and caches loads by key for one request. <see cref="LoadAsync"/> queues a key; the executor
/// dispatches all queued keys in one batch call when every resolver that could still add keys is waiting
/// (like JavaScript's DataLoader dispatching on the next tick). Outside the executor, call <see cref="DispatchAsync"/>.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDataLoaderDispatch
    where TKey : notnull
{
    private readonly BatchLoadFunction<TKey, TValue> _batch;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<TKey, Task<TValue?>> _cache = [];
    // Keys queued since the last dispatch. A key is queued only when it is not yet cached, so they are
    // distinct: a list, not a second dictionary to insert every key into.
    private List<(TKey Key, TaskCompletionSource<TValue?> Source)> _pending = [];
    private readonly Lock _lock = new();

    /// <summary>Creates a loader; prefer <see cref="RequestContext.GetDataLoader{TKey, TValue}"/> inside resolvers.</summary>
    public DataLoader(BatchLoadFunction<TKey, TValue> batch, CancellationToken cancellationToken = default)
    {
        _batch = batch ?? throw new ArgumentNullException(nameof(batch));
        _cancellationToken = cancellationToken;
    }

    // Resolvers that leave the executor's loop (ConfigureAwait(false)) may queue keys while the loop is
    // idle; this wakes it so the keys are dispatched.
    internal Action? OnPending { get; init; }

    /// <summary>How many batch calls this loader has made (for tests and diagnostics).</summary>
    public int BatchCount { get; private set; }

    /// <summary>Queues <paramref name="key"/> (or returns the cached load of it).</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool first;
        Task<TValue?> task;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
            var source = new TaskCompletionSource<TValue?>();
            first = _pending.Count == 0;
            _pending.Add((key, source));
            _cache[key] = source.Task;
            task = source.Task;
        }
        if (first && SynchronizationContext.Current is not ExecutionPump)
        {
            OnPending?.Invoke();
        }
        return task;
    }

    /// <summary>Queues many keys; the result has one entry per key, in order.</summary>
    public async Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = keys.Select(LoadAsync).ToList();
        // Resume on the caller's context — the executor's loop — as LoadAsync's callers do: resuming on
        // the batch's thread would queue the caller's next loads after the loop dispatched, one small
        // batch per caller instead of one per level.
        return await Task.WhenAll(tasks).ConfigureAwait(true);
    }

    /// <summary>Runs the pending batch now.</summary>
    public Task DispatchAsync() => RunBatchAsync(TakePending());

    bool IDataLoaderDispatch.DispatchPending()
    {
        var pending = TakePending();
        if (pending is null)
        {
            return false;
        }
        _ = RunBatchAsync(pending);
        return true;
    }

    private List<(TKey Key, TaskCompletionSource<TValue?> Source)>? TakePending()
    {
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return null;
            }
            var pending = _pending;
            _pending = [];
            BatchCount++;
            return pending;
        }
    }

    private async Task RunBatchAsync(List<(TKey Key, TaskCompletionSource<TValue?> Source)>? pending)
    {
        if (pending is null)
        {
            return;
        }
        try
        {
            var keys = new TKey[pending.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = pending[i].Key;
            }
            var values = await _batch(keys, _cancellationToken);
            foreach (var (key, source) in pending)
            {
                source.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
            }
        }
        catch (Exception ex)
        {
            foreach (var (_, source) in pending)
            {
                source.TrySetException(ex);
            }
            // A failed batch must not poison later requests for the same keys within this request.
            lock (_lock)
            {
                foreach (var (key, _) in pending)
                {
                    _cache.Remove(key);
                }
            }
        }
    }
}
