using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Sources;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Batches and caches loads by key for one request. <see cref="LoadAsync"/> and <see cref="LoadManyAsync"/>
/// queue keys; the executor dispatches all queued keys in one batch call when every resolver that could
/// still add keys is waiting (like JavaScript's DataLoader dispatching on the next tick). Outside the
/// executor, call <see cref="DispatchAsync"/>.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDataLoaderDispatch
    where TKey : notnull
{
    private readonly BatchLoadFunction<TKey, TValue> _batch;
    private readonly CancellationToken _cancellationToken;
    // Per key, the batch that loads (or loaded) it and the task LoadAsync handed out for it, if any (so
    // asking for one key twice returns the same task). A key costs one entry here, not a task of its own
    // unless it was asked for alone: a page of a thousand neighbours is a thousand entries and one batch.
    private readonly Dictionary<TKey, Slot> _slots;
    private Batch? _pending;
    // Room the first batch is opened with: the keys expected, all of which usually come in that batch.
    private int _firstBatchCapacity;
    private readonly Lock _lock = new();

    /// <summary>
    /// Creates a loader; prefer <see cref="RequestContext.GetDataLoader{TKey, TValue}"/> inside resolvers, which
    /// passes <paramref name="expectedKeys"/> from the last run of the same document.
    /// </summary>
    /// <param name="batch">Loads a batch of keys.</param>
    /// <param name="cancellationToken">Passed to every batch call.</param>
    /// <param name="expectedKeys">How many keys to make room for up front (a hint: more still fit).</param>
    public DataLoader(BatchLoadFunction<TKey, TValue> batch, CancellationToken cancellationToken = default, int expectedKeys = 0)
    {
        _batch = batch ?? throw new ArgumentNullException(nameof(batch));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedKeys);
        _cancellationToken = cancellationToken;
        _slots = new Dictionary<TKey, Slot>(expectedKeys);
        _firstBatchCapacity = expectedKeys;
        ExpectedKeys = expectedKeys;
    }

    /// <summary>How many keys the loader made room for when it was created.</summary>
    public int ExpectedKeys { get; }

    // Resolvers that leave the executor's loop (ConfigureAwait(false)) may queue keys while the loop is
    // idle; this wakes it so the keys are dispatched.
    internal Action? OnPending { get; init; }

    /// <summary>How many batch calls this loader has made (for tests and diagnostics).</summary>
    public int BatchCount { get; private set; }

    /// <summary>Queues <paramref name="key"/> (or returns the cached load of it).</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        Task<TValue?> task;
        bool first;
        lock (_lock)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var seen);
            if (slot.Single is { } cached)
            {
                return cached;
            }
            first = false;
            var batch = seen ? slot.Batch : slot.Batch = EnlistLocked(key, out first);
            task = slot.Single = SingleOf(batch, key);
        }
        WakeIfOutsideLoop(first);
        return task;
    }

    /// <summary>
    /// Queues <paramref name="key"/> as <see cref="LoadAsync"/> does, for a caller that awaits the value once
    /// (a resolver returning it to the executor): while the batch is pending, the value is a waiter in the
    /// batch rather than a task of its own, so a field on every item of a long list costs no task, no task
    /// source and no continuation object per item.
    /// </summary>
    public ValueTask<TValue?> LoadValueAsync(TKey key)
    {
        ValueTask<TValue?> value;
        bool first;
        lock (_lock)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var seen);
            if (seen)
            {
                // Asked for before (here, by LoadAsync or in a LoadManyAsync): the one task kept for every later ask.
                return new ValueTask<TValue?>(slot.Single ??= SingleOf(slot.Batch, key));
            }
            slot.Batch = EnlistLocked(key, out first);
            value = slot.Batch.WaitForLast();
        }
        WakeIfOutsideLoop(first);
        return value;
    }

    /// <summary>
    /// Queues many keys; the result has one entry per key, in order. One task for all of them, however
    /// many there are; awaited inside a resolver it resumes on the executor's loop, as a single load does.
    /// </summary>
    public Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys as IReadOnlyList<TKey> ?? [.. keys];
        var batches = new Batch[list.Count];
        Batch? only = null;
        var spread = false;
        var first = false;
        Task<TValue?[]> task;
        lock (_lock)
        {
            // Grown once for the whole list rather than doubling its way up key by key.
            _slots.EnsureCapacity(_slots.Count + batches.Length);
            for (var i = 0; i < batches.Length; i++)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, list[i], out var seen);
                if (!seen)
                {
                    slot.Batch = EnlistLocked(list[i], out var opened, batches.Length - i);
                    first |= opened;
                }
                batches[i] = slot.Batch;
                spread |= only is not null && !ReferenceEquals(only, batches[i]);
                only ??= batches[i];
            }
            task = only is null || (!spread && only.Done.Task.IsCompletedSuccessfully) ? Task.FromResult(Values(batches, list))
                : spread ? ValuesAsync(batches, list)
                : only.AddGroup(list);
        }
        WakeIfOutsideLoop(first);
        return task;
    }

    /// <summary>Runs the pending batch now.</summary>
    public Task DispatchAsync() => RunBatchAsync(TakePending());

    int IDataLoaderDispatch.KeyCount
    {
        get
        {
            lock (_lock)
            {
                return _slots.Count;
            }
        }
    }

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

    // The task a single load of key hands out: done already when its batch is.
    private static Task<TValue?> SingleOf(Batch batch, TKey key) =>
        batch.Done.Task.IsCompletedSuccessfully ? Task.FromResult(batch.ValueOf(key)) : batch.AddSingle(key);

    // Adds a key not seen before to the pending batch, opening one (room for keysToCome, or for the keys
    // expected if it is the first) if there is none.
    private Batch EnlistLocked(TKey key, out bool opened, int keysToCome = 1)
    {
        var pending = _pending;
        opened = pending is null;
        if (pending is null)
        {
            _pending = pending = new Batch(Math.Max(Math.Max(4, keysToCome), _firstBatchCapacity));
            _firstBatchCapacity = 0;
        }
        pending.Keys.Add(key);
        return pending;
    }

    private void WakeIfOutsideLoop(bool opened)
    {
        if (opened && SynchronizationContext.Current is not ExecutionPump)
        {
            OnPending?.Invoke();
        }
    }

    // Keys spread over batches: a key another caller asked for earlier is in an older one. Resuming on
    // the loop (not inline in the batch that completed) keeps a level's keys in one batch.
    private static async Task<TValue?[]> ValuesAsync(Batch[] batches, IReadOnlyList<TKey> keys)
    {
        foreach (var batch in batches.Distinct())
        {
            await batch.Done.Task.ConfigureAwait(true);
        }
        return Values(batches, keys);
    }

    private static TValue?[] Values(Batch[] batches, IReadOnlyList<TKey> keys)
    {
        var values = new TValue?[keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = batches[i].ValueOf(keys[i]);
        }
        return values;
    }

    private Batch? TakePending()
    {
        lock (_lock)
        {
            var pending = _pending;
            if (pending is not null)
            {
                _pending = null;
                BatchCount++;
            }
            return pending;
        }
    }

    private async Task RunBatchAsync(Batch? batch)
    {
        if (batch is null)
        {
            return;
        }
        try
        {
            batch.Complete(await _batch(batch.Keys, _cancellationToken));
        }
        catch (Exception ex)
        {
            // A failed batch must not poison later requests for the same keys within this request.
            lock (_lock)
            {
                foreach (var key in batch.Keys)
                {
                    _slots.Remove(key);
                }
            }
            batch.Fail(ex);
        }
    }

    private struct Slot
    {
        public Batch Batch;
        public Task<TValue?>? Single;
    }

    // One batch call: its keys, the loads waiting on it and, once it ran, its values. Loads that wait
    // once (LoadValueAsync) are its own waiters, told by their index; the rest hold tasks.
    private sealed class Batch(int capacity) : IValueTaskSource<TValue?>
    {
        private readonly Lock _lock = new();
        private IReadOnlyDictionary<TKey, TValue>? _values;
        private ExceptionDispatchInfo? _failure;
        private volatile bool _finished;
        // Per key index, the load waiting on that key without a task of its own (LoadValueAsync), if any.
        private Waiter[]? _waiters;
        private List<(TKey Key, TaskCompletionSource<TValue?> Source)>? _singles;
        private List<(IReadOnlyList<TKey> Keys, TaskCompletionSource<TValue?[]> Source)>? _groups;

        public List<TKey> Keys { get; } = new(capacity);

        public TaskCompletionSource Done { get; } = new();

        public TValue? ValueOf(TKey key) => _values!.TryGetValue(key, out var value) ? value : default;

        // The value of the key just enlisted (the last of Keys), waited for once; its token is its index.
        public ValueTask<TValue?> WaitForLast()
        {
            var index = Keys.Count - 1;
            lock (_lock)
            {
                // A token is a short: the rare batch of more keys gives the rest tasks.
                if (index > short.MaxValue)
                {
                    return new ValueTask<TValue?>(AddSingle(Keys[index]));
                }
                if (_waiters is null || _waiters.Length <= index)
                {
                    Array.Resize(ref _waiters, Math.Max(Keys.Capacity, index + 1));
                }
            }
            return new ValueTask<TValue?>(this, (short)index);
        }

        public Task<TValue?> AddSingle(TKey key)
        {
            var source = new TaskCompletionSource<TValue?>();
            (_singles ??= []).Add((key, source));
            return source.Task;
        }

        public Task<TValue?[]> AddGroup(IReadOnlyList<TKey> keys)
        {
            var source = new TaskCompletionSource<TValue?[]>();
            (_groups ??= []).Add((keys, source));
            return source.Task;
        }

        public void Complete(IReadOnlyDictionary<TKey, TValue> values)
        {
            _values = values;
            Finish();
            foreach (var (key, source) in _singles ?? [])
            {
                source.TrySetResult(ValueOf(key));
            }
            foreach (var (keys, source) in _groups ?? [])
            {
                var group = new TValue?[keys.Count];
                for (var i = 0; i < group.Length; i++)
                {
                    group[i] = ValueOf(keys[i]);
                }
                source.TrySetResult(group);
            }
            Done.TrySetResult();
        }

        public void Fail(Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
            Finish();
            foreach (var (_, source) in _singles ?? [])
            {
                source.TrySetException(ex);
            }
            foreach (var (_, source) in _groups ?? [])
            {
                source.TrySetException(ex);
            }
            Done.TrySetException(ex);
        }

        // Marks the batch finished and runs the waiters that are waiting: in order, on this thread when it
        // is where they asked to resume (the executor's loop, which completes its batches itself).
        private void Finish()
        {
            Waiter[]? waiting;
            lock (_lock)
            {
                _finished = true;
                waiting = _waiters;
            }
            // No waiter is added once finished: the array is read without the lock from here on.
            foreach (var waiter in waiting ?? [])
            {
                waiter.Resume();
            }
        }

        public ValueTaskSourceStatus GetStatus(short token) =>
            !_finished ? ValueTaskSourceStatus.Pending : _failure is null ? ValueTaskSourceStatus.Succeeded : ValueTaskSourceStatus.Faulted;

        public TValue? GetResult(short token)
        {
            if (!_finished)
            {
                throw new InvalidOperationException("a DataLoader value was read before its batch finished");
            }
            _failure?.Throw();
            return ValueOf(Keys[token]);
        }

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            var context = (flags & ValueTaskSourceOnCompletedFlags.UseSchedulingContext) != 0 && SynchronizationContext.Current is { } current
                && current.GetType() != typeof(SynchronizationContext) ? current : null;
            lock (_lock)
            {
                if (!_finished)
                {
                    _waiters![token] = new Waiter(continuation, state, context);
                    return;
                }
            }
            // Finished in between: resume as a finished task's awaiter would, never inline here.
            if (context is not null)
            {
                context.Post(s => continuation(s), state);
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(continuation, state, preferLocal: true);
            }
        }
    }

    // What an awaited load runs when its batch finishes, and where; default when no load awaits the key.
    private readonly record struct Waiter(Action<object?>? Continuation, object? State, SynchronizationContext? Context)
    {
        public void Resume()
        {
            if (Continuation is null)
            {
                return;
            }
            if (Context is null || Context == SynchronizationContext.Current)
            {
                Continuation(State);
            }
            else
            {
                var (continuation, state) = (Continuation, State);
                Context.Post(s => continuation(s), state);
            }
        }
    }
}
