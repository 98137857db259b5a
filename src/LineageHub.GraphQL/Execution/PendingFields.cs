using System.Threading.Tasks.Sources;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// The fields of one object, or of every object of one list, that could not finish without waiting. Each
/// is finished when its task completes — on the executor's loop, in completion order, as a method awaiting
/// it would be — and the whole set is one awaitable value: a page of a hundred objects whose fields wait on
/// DataLoaders costs one of these, not a suspended async method per object and per field.
/// </summary>
/// <remarks>
/// Its value is the object's <see cref="ResultMap"/> or the list's items. A non-null field that failed
/// makes its object null (spec 6.4.4): the single object propagates the null; a list item becomes null,
/// or propagates it when the list's items are non-null.
/// </remarks>
internal sealed class PendingFields : IValueTaskSource<object?>
{
    private readonly ExecutionContext _execution;
    private readonly SynchronizationContext? _loop = SynchronizationContext.Current;
    private readonly GraphQLType? _itemType;
    private readonly Lock _lock = new();
    private ManualResetValueTaskSourceCore<object?> _core;
    // One more than the fields still waiting until Seal: nothing can finish the set while it is being filled.
    private int _outstanding = 1;
    private object? _result;
    private bool _propagate;
    private List<int>? _nulled;
    private Exception? _failure;

    /// <param name="execution">Finishes each field whose task completed (value completion, errors).</param>
    /// <param name="itemType">The list's item type; null for a single object.</param>
    public PendingFields(ExecutionContext execution, GraphQLType? itemType)
    {
        _execution = execution;
        _itemType = itemType;
    }

    /// <summary>Waits for <paramref name="task"/> on behalf of a field, then finishes it.</summary>
    public void Add(object?[] values, int index, int owner, ObjectType parentType, CollectedField field, PathSegment path, ValueTask<object?> task, bool resolved)
    {
        var pending = new PendingField(this, values, index, owner, parentType, field, path, task, resolved);
        Interlocked.Increment(ref _outstanding);
        // With the loop captured: a continuation without one is never run inline under a synchronization
        // context but sent to the thread pool, which would finish fields at scattered times after the
        // loop dispatched its DataLoaders and split their batches.
        task.GetAwaiter().UnsafeOnCompleted(pending.OnTaskCompleted);
    }

    /// <summary>Every field has been added: the set completes once the last one finishes.</summary>
    /// <param name="result">What the set completes with: the object's result map, or the list's items.</param>
    /// <param name="propagate">Whether the object or list is already null (a field failed at once).</param>
    public ValueTask<object?> Seal(object result, bool propagate)
    {
        lock (_lock)
        {
            _result = result;
            _propagate |= propagate;
        }
        var version = _core.Version;
        Release();
        return new ValueTask<object?>(this, version);
    }

    /// <summary>A non-null field of object <paramref name="owner"/> failed: that object is null.</summary>
    public void Nullify(int owner)
    {
        lock (_lock)
        {
            (_nulled ??= []).Add(owner);
        }
    }

    // Finishing a field threw what must end the execution (its cancellation): the set ends with it.
    private void Fail(Exception ex)
    {
        lock (_lock)
        {
            _failure ??= ex;
        }
    }

    // A task ran to an end: finish its field on the executor's loop (resolvers may complete elsewhere).
    internal void TaskCompleted(PendingField field)
    {
        if (_loop is null || SynchronizationContext.Current == _loop)
        {
            Finish(field);
        }
        else
        {
            _loop.Post(static state => ((PendingField)state!).Set.Finish((PendingField)state), field);
        }
    }

    private void Finish(PendingField field)
    {
        try
        {
            _execution.FinishPending(field);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) > 0)
        {
            return;
        }
        foreach (var owner in _nulled ?? [])
        {
            if (_itemType is null || _itemType is NonNullType)
            {
                _propagate = true;
            }
            else
            {
                ((object?[])_result!)[owner] = null;
            }
        }
        if (_failure is not null)
        {
            _core.SetException(_failure);
        }
        else if (_propagate)
        {
            _core.SetException(new NullPropagationException());
        }
        else
        {
            _core.SetResult(_result);
        }
    }

    public object? GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    // A set always completes on the executor's loop, so its waiter runs inline rather than being posted
    // back to the loop it is already on.
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags & ~ValueTaskSourceOnCompletedFlags.UseSchedulingContext);
}
