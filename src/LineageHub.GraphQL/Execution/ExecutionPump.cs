namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Runs one request's execution as a small event loop, the way JavaScript runs graphql-js: every
/// continuation of the executor is posted here and run in turn, and only when the queue is empty (every
/// resolver that can make progress has queued its DataLoader keys) are the loaders dispatched. That makes
/// batching deterministic: a list of N items yields one batch per loader and level, not N round trips.
/// Resolvers' own I/O still overlaps, since awaiting does not block the loop.
/// </summary>
internal sealed class ExecutionPump : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource? _signal;

    public override void Post(SendOrPostCallback d, object? state)
    {
        TaskCompletionSource? signal;
        lock (_lock)
        {
            _queue.Enqueue((d, state));
            signal = _signal;
            _signal = null;
        }
        signal?.TrySetResult();
    }

    /// <summary>Makes the loop look again (e.g. a DataLoader got keys from a thread outside the loop).</summary>
    public void Wake() => Post(static _ => { }, null);

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("synchronous send is not supported");

    public override SynchronizationContext CreateCopy() => this;

    public async Task<T> RunAsync<T>(Func<Task<T>> body, RequestContext request)
    {
        var task = RunInside(body);
        if (task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }
        // Cancellation also wakes the loop, so a resolver that never finishes cannot hold the request.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = request.CancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), cancelled);
        while (!task.IsCompleted)
        {
            if (TryDequeue(out var item))
            {
                RunInside(() =>
                {
                    item.Callback(item.State);
                    return true;
                });
                continue;
            }
            if (RunInside(request.DispatchPendingLoaders))
            {
                continue;
            }
            if (request.CancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(request.CancellationToken);
            }
            Task wait;
            lock (_lock)
            {
                if (_queue.Count > 0)
                {
                    continue;
                }
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _signal.Task;
            }
            // Wake for new work, completion or cancellation; the body's last continuation is itself posted here.
            await Task.WhenAny(wait, task, cancelled.Task).ConfigureAwait(false);
        }
        return await task.ConfigureAwait(false);
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_lock)
        {
            return _queue.TryDequeue(out item);
        }
    }

    private TTask RunInside<TTask>(Func<TTask> action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return action();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
